package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.DescentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import dev.descent.testing.FuzzTries;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Random and mutated text fed to {@link Json#parse}, within the default limits and within small
 * ones: the only accepted outcomes are a value or a one-line {@link JsonException}, with memory
 * bounded by the text's length. And the writer's promise: any value it accepts reads back equal,
 * doubles bit for bit. Tries: {@link FuzzTries}.
 */
@AddLifecycleHook(FuzzTries.class)
class JsonFuzzTest {
  private static final JsonLimits SMALL = new JsonLimits(4, 16, 20, 200);
  private static final String ALPHABET = "{}[]\":,0123456789-+.eEtrufalsn \\u\t\n/bfDdC8";
  private static final List<String> DOCUMENTS = List.of(
      "{\"Image\": {\"Width\": 800, \"Height\": 600, \"Title\": \"View from 15th Floor\", \"Thumbnail\": {\"Url\": "
          + "\"http://www.example.com/image/481989943\", \"Height\": 125, \"Width\": 100}, \"Animated\": false, "
          + "\"IDs\": [116, 943, 234, 38793]}}",
      "[{\"precision\": \"zip\", \"Latitude\": 37.7668, \"Longitude\": -122.3959, \"Address\": \"\", \"Zip\": \"94107\"}]",
      "{\"__metadata__\":{\"format\":\"pt\",\"descent.checksum\":\"crc32c:0a1b2c3d\"},\"w\":{\"dtype\":\"F32\","
          + "\"shape\":[2,3],\"data_offsets\":[0,24]}}",
      "[\"\\u00e4\\uD83D\\uDE42\\n\\\"\", -0.0, 1e-7, 12345678901234567890, true, null, {}, []]");

  private static void parses(String text) {
    long bound = (1L << 20) + 200L * text.length();
    FuzzOutcomes.successOrDescentException(bound, Json.quote(text), () -> {
      try {
        Json.parse(text, JsonLimits.DEFAULT);
      } catch (DescentException e) {
        if (!(e instanceof JsonException)) {
          throw new AssertionError("not a JsonException: " + e, e);
        }
        throw e;
      }
    });
    FuzzOutcomes.successOrDescentException(bound, Json.quote(text), () -> Json.parse(text, SMALL));
  }

  @Property(tries = FuzzTries.DEFAULT)
  void anyText(@ForAll @StringLength(max = 400) String text) {
    parses(text);
  }

  @Property(tries = FuzzTries.DEFAULT)
  void textInTheJsonAlphabet(@ForAll("jsonAlphabet") String text) {
    parses(text);
  }

  @Provide
  Arbitrary<String> jsonAlphabet() {
    return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(300);
  }

  @Property(tries = FuzzTries.DEFAULT)
  void mutatedDocuments(@ForAll("mutatedDocuments") String text) {
    parses(text);
  }

  @Provide
  Arbitrary<String> mutatedDocuments() {
    return Arbitraries.longs().map(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      StringBuilder text = new StringBuilder(DOCUMENTS.get(random.nextInt(DOCUMENTS.size())));
      for (int i = random.nextInt(1, 5); i > 0 && text.length() > 0; i--) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(4)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 2 -> text.setCharAt(at, (char) random.nextInt(0x10000));
          default -> {
            int to = Math.min(text.length(), at + random.nextInt(1, 40));
            text.insert(to, text.substring(at, to));
          }
        }
      }
      return text.toString();
    });
  }

  @Property(tries = FuzzTries.DEFAULT)
  void writtenValuesReadBackEqual(@ForAll long seed) {
    Object value = value(new SplittableRandom(seed), 3);
    String text = Json.write(value);
    assertEquals(value, Json.parse(text, JsonLimits.DEFAULT), text);
  }

  @Property(tries = FuzzTries.DEFAULT)
  void stringsEitherRoundTripOrAreRefused(@ForAll @StringLength(max = 50) String s) {
    boolean wellFormed = s.equals(wellFormed(s));
    try {
      String text = Json.write(s);
      assertEquals(true, wellFormed, "wrote a string that is not Unicode text");
      assertEquals(s, Json.parse(text, JsonLimits.DEFAULT));
    } catch (DescentException e) {
      assertEquals(false, wellFormed, e.getMessage());
    }
  }

  /**
   * A random JSON value nested up to {@code depth}: strings of any Unicode text, longs, doubles of
   * any finite bit pattern (-0.0 and subnormals included), booleans, null, lists and maps.
   */
  private static Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth == 0 ? 6 : 8);
    switch (kind) {
      case 0, 1 -> {
        return string(random);
      }
      case 2 -> {
        return random.nextLong() >> random.nextInt(64);
      }
      case 3 -> {
        double d;
        do {
          d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d));
        return random.nextInt(4) == 0 && Float.isFinite((float) d) ? (double) (float) d : d;
      }
      case 4 -> {
        return random.nextBoolean();
      }
      case 5 -> {
        return null;
      }
      case 6 -> {
        List<Object> list = new java.util.ArrayList<>();
        for (int i = random.nextInt(0, 5); i > 0; i--) {
          list.add(value(random, depth - 1));
        }
        return list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(0, 5); i > 0; i--) {
          map.put(string(random), value(random, depth - 1));
        }
        return map;
      }
    }
  }

  /** Unicode text: ASCII with every control character, other BMP characters, supplementary characters. */
  private static String string(SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(0, 12); i > 0; i--) {
      int c = switch (random.nextInt(3)) {
        case 0 -> random.nextInt(0, 0x80);
        case 1 -> random.nextInt(0x80, 0x10000);
        default -> random.nextInt(0x10000, Character.MAX_CODE_POINT + 1);
      };
      if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /** {@code s} with each unpaired surrogate replaced by '?'. */
  private static String wellFormed(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return out.toString();
  }

}
