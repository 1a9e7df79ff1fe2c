package dev.descent.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import dev.descent.testing.FuzzTries;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile files fed to {@link SafeTensorsFile#open} and to every accessor of every tensor: random
 * bytes; random headers behind a plausible length; well-formed JSON built from the header's own
 * vocabulary (so that it reaches the schema checks); mutations of a valid file, with and without a
 * checksum (bit flips, truncation, insertion, deletion, a rewritten length, and header edits that
 * put huge, negative or fractional numbers, other strings or broken structure where the format
 * expects something else, with the length kept consistent so that the edit reaches the header
 * checks). The only accepted outcomes are success or a one-line
 * {@link dev.descent.DescentException}, with the memory allocated bounded by the file's size. And
 * the positive side: generated files that follow the format always open and read. Tries:
 * {@link FuzzTries}; on long runs the kinds of error reached are reported as statistics.
 */
@AddLifecycleHook(FuzzTries.class)
class SafeTensorsFuzzTest {
  private static final Path DIR = createDirectory();
  private static final byte[] VALID = validFile();
  private static final byte[] NUMPY_WRITTEN = resource("numpy_written.safetensors");
  private static final List<String> NUMBERS = List.of("-1", "0", "1", "7", "8", "24", "4294967296", "9223372036854775807",
      "9223372036854775808", "18446744073709551615", "1e308", "1e309", "2.5", "-0", "1E2", "1.0", "100000000",
      "99999999999999999999999999", "[]", "{}", "null", "\"1\"");
  private static final List<String> STRINGS = List.of("\"F64\"", "\"BF16\"", "\"U64\"", "\"I8\"", "\"F128\"", "\"\"",
      "\"__metadata__\"", "\"dtype\"", "\"shape\"", "\"data_offsets\"", "\"descent.format_version\"", "\"2\"",
      "\"descent.checksum\"", "\"crc32c:00000000\"", "\"\\u0000\"", "\"\\ud800\"", "1", "[0,0]", "{}", "null");
  private static final String[] PUNCTUATION = {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "0", "-", ".", "e"};

  private static Path createDirectory() {
    try {
      return Files.createTempDirectory("safetensors-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] validFile() {
    Path file = DIR.resolve("valid.safetensors");
    new SafeTensorsWriter()
        .metadata("step", "3")
        .add("dense.weight", new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, 4)
        .add("dense.bias", new double[] {0.5, -0.5}, 2)
        .add("steps", new long[] {1, 2, 3}, 3)
        .add("ids", new int[] {4, 5}, 2)
        .add("mask", new byte[] {1, 0, 1, 0, 1}, 5)
        .add("scalar", new double[] {42})
        .add("empty", new float[0], 0, 2)
        .writeTo(file);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (var in = SafeTensorsFuzzTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Opens {@code bytes} as a file and reads every tensor every way; fails on any other outcome. */
  private static void openAndReadEverything(byte[] bytes) {
    Path file = DIR.resolve("fuzz.safetensors");
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String input = bytes.length + " bytes " + describe(bytes);
    long bound = (4L << 20) + 100L * bytes.length;
    SafeTensorsFile[] opened = new SafeTensorsFile[1];
    dev.descent.DescentException failure =
        FuzzOutcomes.successOrDescentException(bound, input, () -> opened[0] = SafeTensorsFile.open(file));
    if (FuzzTries.tries() > FuzzTries.DEFAULT) {
      Statistics.label("open").collect(failure == null ? "opened" : kind(failure.getMessage()));
    }
    if (opened[0] == null) {
      return;
    }
    try (SafeTensorsFile f = opened[0]) {
      FuzzOutcomes.successOrDescentException(bound, input, f::verifyChecksum);
      for (String name : f.names()) {
        FuzzOutcomes.successOrDescentException(bound, input, () -> {
          f.dtype(name);
          f.shape(name);
          f.metadata();
        });
        FuzzOutcomes.successOrDescentException(bound, input, () -> f.floats(name));
        FuzzOutcomes.successOrDescentException(bound, input, () -> f.doubles(name));
        FuzzOutcomes.successOrDescentException(bound, input, () -> f.longs(name));
        FuzzOutcomes.successOrDescentException(bound, input, () -> f.ints(name));
        FuzzOutcomes.successOrDescentException(bound, input, () -> f.bytes(name));
        FuzzOutcomes.successOrDescentException(bound, input, () -> f.tensor(name));
      }
      FuzzOutcomes.successOrDescentException(bound, input, () -> f.floats("no such tensor"));
    }
  }

  /** The kind of error: the message without the file name, positions, numbers and quoted text. */
  private static String kind(String message) {
    String m = message.substring(message.indexOf(": ") + 2);
    m = m.replaceAll("^(header )?byte \\d+( \\((line \\d+, column \\d+|file byte \\d+)\\))?: ", "");
    return m.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"…\"").replaceAll("\\b-?\\d+(\\.\\d+)?(E-?\\d+)?\\b", "N")
        .replaceAll("known dtypes: .*", "known dtypes: …");
  }

  private static String describe(byte[] bytes) {
    if (bytes.length < 8) {
      return Arrays.toString(bytes);
    }
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    if (n >= 0 && n <= bytes.length - 8) {
      return "with header " + new String(bytes, 8, (int) Math.min(n, 2000), StandardCharsets.UTF_8);
    }
    return "with header length " + Long.toUnsignedString(n);
  }

  @Property(tries = FuzzTries.DEFAULT)
  void randomBytes(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] bytes = new byte[random.nextInt(0, 2049)];
    random.nextBytes(bytes);
    openAndReadEverything(bytes);
  }

  @Property(tries = FuzzTries.DEFAULT)
  void randomHeadersBehindAPlausibleLength(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] header = new byte[random.nextInt(0, 1025)];
    random.nextBytes(header);
    if (random.nextBoolean()) { // mostly ASCII, so that more of them get past UTF-8 decoding
      for (int i = 0; i < header.length; i++) {
        header[i] &= 0x7F;
      }
    }
    byte[] data = new byte[random.nextInt(0, 65)];
    random.nextBytes(data);
    openAndReadEverything(SafeTensorsBytes.build(header, data));
  }

  @Property(tries = FuzzTries.DEFAULT)
  void wellFormedJsonThatBendsTheSchema(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder header = new StringBuilder("{");
    int members = random.nextInt(0, 5);
    for (int i = 0; i < members; i++) {
      header.append(i == 0 ? "" : ",").append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
      if (random.nextInt(3) > 0) {
        nearlyATensor(header, random);
      } else {
        value(header, random, 2);
      }
    }
    byte[] data = new byte[random.nextInt(0, 49)];
    random.nextBytes(data);
    openAndReadEverything(SafeTensorsBytes.build(header.append('}').toString(), data));
  }

  private static final String[] KEYS = {"w", "v", "dtype", "shape", "data_offsets", "__metadata__", "format",
      "descent.format_version", "descent.checksum"};

  /** A tensor entry whose parts are each right most of the time. */
  private static void nearlyATensor(StringBuilder out, SplittableRandom random) {
    out.append("{\"dtype\":");
    if (random.nextInt(4) > 0) {
      out.append('"').append(SafeTensorsDtype.values()[random.nextInt(SafeTensorsDtype.values().length)]).append('"');
    } else {
      value(out, random, 1);
    }
    out.append(",\"shape\":[");
    for (int d = random.nextInt(0, 4); d > 0; d--) {
      out.append(random.nextInt(4) > 0 ? Integer.toString(random.nextInt(0, 5)) : NUMBERS.get(random.nextInt(NUMBERS.size())));
      out.append(d > 1 ? "," : "");
    }
    out.append("],\"data_offsets\":[");
    int begin = random.nextInt(0, 33);
    out.append(random.nextInt(4) > 0 ? Integer.toString(begin) : NUMBERS.get(random.nextInt(NUMBERS.size()))).append(',');
    out.append(random.nextInt(4) > 0 ? Integer.toString(begin + random.nextInt(0, 17)) : NUMBERS.get(random.nextInt(NUMBERS.size())));
    out.append("]}");
  }

  /** Any JSON value built from the header's vocabulary. */
  private static void value(StringBuilder out, SplittableRandom random, int depth) {
    int kind = depth == 0 ? random.nextInt(2) : random.nextInt(4);
    switch (kind) {
      case 0 -> out.append(NUMBERS.get(random.nextInt(NUMBERS.size())));
      case 1 -> out.append(STRINGS.get(random.nextInt(STRINGS.size())));
      case 2 -> {
        out.append('[');
        for (int i = random.nextInt(0, 4); i > 0; i--) {
          value(out, random, depth - 1);
          out.append(i > 1 ? "," : "");
        }
        out.append(']');
      }
      default -> {
        out.append('{');
        for (int i = random.nextInt(0, 4); i > 0; i--) {
          out.append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
          value(out, random, depth - 1);
          out.append(i > 1 ? "," : "");
        }
        out.append('}');
      }
    }
  }

  /**
   * Files that follow the format but hold no checksum, with tensors of every dtype, rank 0 to 3
   * and empty dimensions, in random order: every one must open, every tensor must read with the
   * accessor of its dtype, and the other accessors must refuse with a DescentException.
   */
  @Property(tries = FuzzTries.DEFAULT)
  void validFilesWithoutAChecksumOpenAndRead(@ForAll long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    SafeTensorsDtype[] dtypes = SafeTensorsDtype.values();
    StringBuilder header = new StringBuilder("{");
    if (random.nextBoolean()) {
      header.append("\"__metadata__\":{\"format\":\"pt\"},");
    }
    int count = random.nextInt(0, 6);
    long offset = 0;
    java.util.Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
    java.util.Map<String, SafeTensorsDtype> types = new java.util.LinkedHashMap<>();
    for (int t = 0; t < count; t++) {
      String name = "t" + t + (random.nextBoolean() ? "\u00e4" : "");
      SafeTensorsDtype dtype = dtypes[random.nextInt(dtypes.length)];
      long[] shape = new long[random.nextInt(0, 4)];
      long elements = 1;
      for (int d = 0; d < shape.length; d++) {
        shape[d] = random.nextInt(0, 5);
        elements *= shape[d];
      }
      long bytes = elements * dtype.byteSize();
      header.append(t == 0 ? "" : ",").append('"').append(name).append("\":{\"dtype\":\"").append(dtype)
          .append("\",\"shape\":").append(Arrays.toString(shape).replace(" ", "")).append(",\"data_offsets\":[")
          .append(offset).append(',').append(offset + bytes).append("]}");
      offset += bytes;
      shapes.put(name, shape);
      types.put(name, dtype);
    }
    if (header.charAt(header.length() - 1) == ',') {
      header.setLength(header.length() - 1);
    }
    header.append('}').append(" ".repeat(random.nextInt(0, 8)));
    byte[] data = new byte[(int) offset];
    random.nextBytes(data);
    Path file = DIR.resolve("generated.safetensors");
    Files.write(file, SafeTensorsBytes.build(header.toString(), data));
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      org.junit.jupiter.api.Assertions.assertEquals(List.copyOf(shapes.keySet()), List.copyOf(f.names()));
      for (String name : f.names()) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(shapes.get(name), f.shape(name));
        SafeTensorsDtype dtype = types.get(name);
        int elements = (int) Arrays.stream(shapes.get(name)).reduce(1, (a, b) -> a * b);
        readsOnlyWithItsAccessor(f, name, dtype, elements);
      }
    }
  }

  private static void readsOnlyWithItsAccessor(SafeTensorsFile f, String name, SafeTensorsDtype dtype, int elements) {
    java.util.Map<String, java.util.function.Function<String, Object>> accessors = new java.util.LinkedHashMap<>();
    accessors.put("F32", f::floats);
    accessors.put("F64", f::doubles);
    accessors.put("I64", f::longs);
    accessors.put("I32", f::ints);
    accessors.put("U8", f::bytes);
    for (var accessor : accessors.entrySet()) {
      boolean mine = accessor.getKey().equals(dtype.name()) || (accessor.getKey().equals("F64") && dtype == SafeTensorsDtype.F32);
      if (mine) {
        org.junit.jupiter.api.Assertions.assertEquals(elements, java.lang.reflect.Array.getLength(accessor.getValue().apply(name)));
      } else {
        org.junit.jupiter.api.Assertions.assertThrows(dev.descent.DescentException.class, () -> accessor.getValue().apply(name));
      }
    }
  }

  @Property(tries = FuzzTries.DEFAULT)
  void mutationsOfAValidFile(@ForAll("mutations") byte[] bytes) {
    openAndReadEverything(bytes);
  }

  @Provide
  Arbitrary<byte[]> mutations() {
    return Arbitraries.longs().map(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      // Half the time a file without a checksum, so that damaged data reaches the accessors.
      byte[] bytes = (random.nextBoolean() ? VALID : NUMPY_WRITTEN).clone();
      int edits = 1 + random.nextInt(3);
      for (int i = 0; i < edits; i++) {
        bytes = mutate(bytes, random);
      }
      return bytes;
    });
  }

  private static byte[] mutate(byte[] bytes, SplittableRandom random) {
    int kind = random.nextInt(10);
    if (bytes.length == 0) {
      return new byte[] {(byte) random.nextInt()};
    }
    switch (kind) {
      case 0 -> { // bit flips anywhere
        byte[] out = bytes.clone();
        for (int i = random.nextInt(1, 9); i > 0; i--) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      }
      case 1 -> { // bit flips in the length field and the header
        byte[] out = bytes.clone();
        int end = Math.min(out.length, 8 + headerLength(out));
        out[random.nextInt(Math.max(1, end))] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 2 -> { // truncation
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      case 3 -> { // insertion of random bytes
        int at = random.nextInt(bytes.length + 1);
        byte[] insert = new byte[random.nextInt(1, 17)];
        random.nextBytes(insert);
        return splice(bytes, at, at, insert);
      }
      case 4 -> { // deletion of a range
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + random.nextInt(1, 33));
        return splice(bytes, from, to, new byte[0]);
      }
      case 5 -> { // a rewritten length field
        byte[] out = bytes.length >= 8 ? bytes.clone() : Arrays.copyOf(bytes, 8);
        long n = switch (random.nextInt(4)) {
          case 0 -> random.nextLong();
          case 1 -> headerLength(out) + random.nextInt(-16, 17);
          case 2 -> out.length - 8 + random.nextInt(-4, 5);
          default -> 1L << random.nextInt(64);
        };
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, n);
        return out;
      }
      case 6 -> { // a number in the header replaced, the length kept consistent
        return editHeader(bytes, random, Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"), NUMBERS);
      }
      case 7 -> { // a string in the header replaced
        return editHeader(bytes, random, Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\""), STRINGS);
      }
      case 8 -> { // broken structure in the header
        String header = header(bytes);
        if (header == null || header.isEmpty()) {
          return bytes;
        }
        int at = random.nextInt(header.length());
        String edited = switch (random.nextInt(3)) {
          case 0 -> header.substring(0, at) + header.substring(at + 1);
          case 1 -> header.substring(0, at) + PUNCTUATION[random.nextInt(PUNCTUATION.length)] + header.substring(at);
          default -> {
            int to = Math.min(header.length(), at + random.nextInt(1, 80));
            yield header.substring(0, to) + header.substring(at);
          }
        };
        return withHeader(bytes, edited);
      }
      default -> { // the data section grown or shrunk, the header unchanged
        int n = headerLength(bytes);
        if (n < 0 || random.nextBoolean()) {
          byte[] extra = new byte[random.nextInt(1, 9)];
          random.nextBytes(extra);
          return splice(bytes, bytes.length, bytes.length, extra);
        }
        return Arrays.copyOf(bytes, Math.max(8 + n, bytes.length - random.nextInt(1, 9)));
      }
    }
  }

  private static byte[] editHeader(byte[] bytes, SplittableRandom random, Pattern token, List<String> replacements) {
    String header = header(bytes);
    if (header == null) {
      return bytes;
    }
    List<int[]> spans = new java.util.ArrayList<>();
    Matcher m = token.matcher(header);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return bytes;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    String replacement = replacements.get(random.nextInt(replacements.size()));
    return withHeader(bytes, header.substring(0, span[0]) + replacement + header.substring(span[1]));
  }

  /** The header length if it fits the file, else -1. */
  private static int headerLength(byte[] bytes) {
    if (bytes.length < 8) {
      return -1;
    }
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    return n >= 0 && n <= bytes.length - 8 ? (int) n : -1;
  }

  private static String header(byte[] bytes) {
    int n = headerLength(bytes);
    return n < 0 ? null : new String(bytes, 8, n, StandardCharsets.UTF_8);
  }

  private static byte[] withHeader(byte[] bytes, String header) {
    int n = headerLength(bytes);
    return SafeTensorsBytes.build(header.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(bytes, 8 + n, bytes.length));
  }

  private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
    byte[] out = new byte[bytes.length - (to - from) + insert.length];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
    return out;
  }
}
