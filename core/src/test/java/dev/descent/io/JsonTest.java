package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON parser and writer against RFC 8259: its grammar (section 2 to 7), its two examples
 * (section 13), and inputs in the style of the JSONTestSuite's accept ("y_") and reject ("n_")
 * cases.
 */
class JsonTest {

  private static Object parse(String text) {
    return Json.parse(text, JsonLimits.DEFAULT);
  }

  private static JsonException rejects(String text) {
    return rejects(text, JsonLimits.DEFAULT);
  }

  private static JsonException rejects(String text, JsonLimits limits) {
    return assertThrows(JsonException.class, () -> Json.parse(text, limits), text);
  }

  @Test
  void mapsEachJsonTypeToItsJavaType() {
    Object value = parse(" {\"a\":1, \"b\":-0, \"c\":1.5, \"d\":\"x\", \"e\":true, \"f\":false, \"g\":null, \"h\":[], \"i\":{}} ");
    Map<?, ?> map = assertInstanceOf(LinkedHashMap.class, value);
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), new ArrayList<>(map.keySet()));
    assertEquals(1L, map.get("a"));
    assertEquals(0L, map.get("b"));
    assertEquals(1.5, map.get("c"));
    assertEquals("x", map.get("d"));
    assertEquals(Boolean.TRUE, map.get("e"));
    assertEquals(Boolean.FALSE, map.get("f"));
    assertTrue(map.containsKey("g"));
    assertNull(map.get("g"));
    assertInstanceOf(ArrayList.class, map.get("h"));
    assertInstanceOf(LinkedHashMap.class, map.get("i"));
  }

  @Test
  void integersThatFitAreLongsOthersDoubles() {
    assertEquals(Long.MAX_VALUE, parse("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, parse("-9223372036854775808"));
    assertEquals(9.223372036854775808e18, parse("9223372036854775808"));
    assertEquals(-1e30, parse("-1000000000000000000000000000000"));
    assertEquals(100.0, parse("1E+2"));
    assertEquals(0.01, parse("1e-2"));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) parse("-0.0")));
    assertEquals(0.0, parse("1e-400"), "underflow rounds to zero");
    assertEquals("line 1, column 1 (offset 0): number 1e400 is out of the range of a double", rejects("1e400").getMessage());
  }

  /** RFC 8259 section 13, first example. */
  @Test
  void rfc8259FirstExample() {
    String text = """
        {
          "Image": {
              "Width":  800,
              "Height": 600,
              "Title":  "View from 15th Floor",
              "Thumbnail": {
                  "Url":    "http://www.example.com/image/481989943",
                  "Height": 125,
                  "Width":  100
              },
              "Animated" : false,
              "IDs": [116, 943, 234, 38793]
            }
        }""";
    Map<?, ?> image = (Map<?, ?>) ((Map<?, ?>) parse(text)).get("Image");
    assertEquals(800L, image.get("Width"));
    assertEquals("View from 15th Floor", image.get("Title"));
    assertEquals("http://www.example.com/image/481989943", ((Map<?, ?>) image.get("Thumbnail")).get("Url"));
    assertEquals(Boolean.FALSE, image.get("Animated"));
    assertEquals(List.of(116L, 943L, 234L, 38793L), image.get("IDs"));
  }

  /** RFC 8259 section 13, second example, and the small texts after it. */
  @Test
  void rfc8259SecondExampleAndScalarTexts() {
    String text = """
        [
          {
             "precision": "zip",
             "Latitude":  37.7668,
             "Longitude": -122.3959,
             "Address":   "",
             "City":      "SAN FRANCISCO",
             "State":     "CA",
             "Zip":       "94107",
             "Country":   "US"
          },
          {
             "precision": "zip",
             "Latitude":  37.371991,
             "Longitude": -122.026020,
             "Address":   "",
             "City":      "SUNNYVALE",
             "State":     "CA",
             "Zip":       "94085",
             "Country":   "US"
          }
        ]""";
    List<?> list = (List<?>) parse(text);
    assertEquals(37.7668, ((Map<?, ?>) list.get(0)).get("Latitude"));
    assertEquals(-122.026020, ((Map<?, ?>) list.get(1)).get("Longitude"));
    assertEquals("Hello world!", parse("\"Hello world!\""));
    assertEquals(42L, parse("42"));
    assertEquals(Boolean.TRUE, parse("true"));
  }

  @Test
  void escapesAndUnicode() {
    assertEquals("\"\\/\b\f\n\r\t", parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
    assertEquals("\u0000\u001f\u00e9\uFFFF", parse("\"\\u0000\\u001F\\u00e9\\uFFFF\""));
    assertEquals("\uD83D\uDE42", parse("\"\\uD83D\\uDE42\""), "an escaped surrogate pair");
    assertEquals("\uD83D\uDE42 \u00e4", parse("\"\uD83D\uDE42 \u00e4\""), "raw non-ASCII text");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[1,]                | line 1, column 4 (offset 3): unexpected ']', expected a value",
      "[01]                | line 1, column 3 (offset 2): unexpected '1', expected ',' or ']'",
      "[1.]                | line 1, column 2 (offset 1): a number needs digits after the decimal point",
      "[.1]                | line 1, column 2 (offset 1): unexpected '.', expected a value",
      "[+1]                | line 1, column 2 (offset 1): unexpected '+', expected a value",
      "[-]                 | line 1, column 2 (offset 1): a number needs digits after '-'",
      "[1e]                | line 1, column 2 (offset 1): a number needs digits in its exponent",
      "['a']               | line 1, column 2 (offset 1): unexpected ''', expected a value",
      "{\"a\" 1}           | line 1, column 6 (offset 5): unexpected '1', expected ':'",
      "{1:1}               | line 1, column 2 (offset 1): unexpected '1', expected '\"' (an object key)",
      "{\"a\":1,\"a\":2}   | line 1, column 8 (offset 7): duplicate key \"a\"",
      "[\"\\x\"]           | line 1, column 3 (offset 2): invalid escape \\x",
      "[\"\\u12\"]         | line 1, column 3 (offset 2): \\u escape needs four hexadecimal digits",
      "[\"\\uD800\"]       | line 1, column 3 (offset 2): unpaired surrogate escape \\uD800",
      "[\"\\uDC00\\uD800\"] | line 1, column 3 (offset 2): unpaired surrogate escape \\uDC00",
      "[\"a]               | line 1, column 2 (offset 1): unterminated string",
      "[NaN]               | line 1, column 2 (offset 1): unexpected 'N', expected a value",
      "[Infinity]          | line 1, column 2 (offset 1): unexpected 'I', expected a value",
      "[tru]               | line 1, column 2 (offset 1): unexpected 't', expected a value",
      "/* c */ {}          | line 1, column 1 (offset 0): unexpected '/', expected a value",
      "[1] [2]             | line 1, column 5 (offset 4): unexpected '[' after the end of the JSON value",
      "``                  | line 1, column 1 (offset 0): unexpected end of text, expected a value",
      "`[1`                | line 1, column 3 (offset 2): unexpected end of text, expected ',' or ']'",
      "`{\"a\":1`          | line 1, column 7 (offset 6): unexpected end of text, expected ',' or '}'",
  })
  void rejectsWhatRfc8259Excludes(String text, String message) {
    assertEquals(message, rejects(text).getMessage());
  }

  @Test
  void rejectsRawControlCharactersByteOrderMarksAndLoneSurrogates() {
    assertEquals("line 1, column 3 (offset 2): unescaped control character U+0009 in a string", rejects("[\"\t\"]").getMessage());
    assertEquals("line 1, column 1 (offset 0): unexpected U+FEFF, expected a value", rejects("\uFEFF{}").getMessage());
    assertEquals("line 1, column 3 (offset 2): unpaired surrogate U+D800 in a string", rejects("[\"\uD800\"]").getMessage());
    assertEquals("line 1, column 3 (offset 2): unpaired surrogate U+DE42 in a string", rejects("[\"\uDE42\"]").getMessage());
    assertEquals("line 1, column 2 (offset 1): unexpected U+00A0, expected a value", rejects("[\u00a0]").getMessage());
  }

  @Test
  void errorsCarryLineColumnAndOffset() {
    JsonException e = rejects("{\n  \"a\": tru\n}");
    assertEquals(2, e.line());
    assertEquals(8, e.column());
    assertEquals(9, e.offset());
    assertEquals("unexpected 't', expected a value", e.reason());
    assertEquals("line 2, column 8 (offset 9): unexpected 't', expected a value", e.getMessage());
  }

  @Test
  void limitsStopBombs() {
    JsonLimits small = new JsonLimits(3, 5, 6, 40);
    assertEquals("line 1, column 4 (offset 3): nesting deeper than 3 levels", rejects("[[[[]]]]", small).getMessage());
    parse("[[[]]]");
    assertEquals("line 1, column 2 (offset 1): string longer than 5 characters", rejects("[\"abcdef\"]", small).getMessage());
    assertEquals("line 1, column 2 (offset 1): string longer than 5 characters", rejects("{\"abcdef\":1}", small).getMessage());
    assertEquals("line 1, column 2 (offset 1): string longer than 5 characters", rejects("[\"\\n\\n\\n\\n\\n\\n\"]", small).getMessage());
    assertEquals("line 1, column 2 (offset 1): number longer than 5 characters", rejects("[123456]", small).getMessage());
    assertEquals("line 1, column 12 (offset 11): more than 6 values", rejects("[1,2,3,4,5,6]", small).getMessage());
    assertEquals("line 1, column 41 (offset 40): text of 41 characters exceeds the limit of 40",
        rejects(" ".repeat(39) + "[]", small).getMessage());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), Json.parse("[1,2,3,4,5]", small));
  }

  @Test
  void defaultDepthIs64() {
    parse("[".repeat(64) + "]".repeat(64));
    assertEquals("line 1, column 65 (offset 64): nesting deeper than 64 levels",
        rejects("[".repeat(65) + "]".repeat(65)).getMessage());
  }

  @Test
  void twoHundredThousandLevelsCannotOverflowTheStack() {
    int depth = 200_000;
    JsonLimits unlimited = new JsonLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    Object value = Json.parse("[".repeat(depth) + "]".repeat(depth), unlimited);
    int levels = 0;
    for (Object v = value; v instanceof List<?> list; v = list.isEmpty() ? null : list.get(0)) {
      levels++;
    }
    assertEquals(depth, levels);
    assertEquals("cannot write JSON nested deeper than 1000 levels (does a map or list contain itself?)",
        assertThrows(DescentException.class, () -> Json.write(value)).getMessage());
    JsonException unclosed = rejects("[".repeat(depth), unlimited);
    assertEquals("unexpected end of text, expected a value", unclosed.reason());
  }

  @Test
  void documentsRecordWhereContainersAndMembersStart() {
    String text = "{\"a\": [10, 20],\n \"b\": {\"c\": null}}";
    JsonDocument doc = Json.parseDocument(text, JsonLimits.DEFAULT);
    Map<?, ?> root = (Map<?, ?>) doc.value();
    List<?> a = (List<?>) root.get("a");
    assertEquals(0, doc.offsetOf(root));
    assertEquals(text.indexOf('['), doc.offsetOf(root, "a"));
    assertEquals(text.indexOf("20"), doc.offsetOf(a, 1));
    Map<?, ?> b = (Map<?, ?>) root.get("b");
    assertEquals(text.indexOf("null"), doc.offsetOf(b, "c"));
    JsonException e = doc.errorAt(doc.offsetOf(b, "c"), "no nulls here");
    assertEquals("line 2, column 13 (offset 28): no nulls here", e.getMessage());
  }

  @Test
  void writesCompactJsonWithRfc8259Escapes() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("s", "q\"b\\n\n t\t c\u0001 d\u007f \u00e9\uD83D\uDE42");
    map.put("l", Arrays.asList(1L, 2, (short) 3, (byte) 4, -0.0, 1.5f, true, null));
    map.put("m", Map.of());
    assertEquals("{\"s\":\"q\\\"b\\\\n\\n t\\t c\\u0001 d\u007f \u00e9\uD83D\uDE42\","
        + "\"l\":[1,2,3,4,-0.0,1.5,true,null],\"m\":{}}", Json.write(map));
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
        + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"",
        Json.write(controls.toString()));
    assertEquals(controls.toString(), parse(Json.write(controls.toString())));
  }

  @Test
  void doublesReadBackBitIdentically() {
    double[] special = {0.1, 1e23, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -0.0, 0.0, 1.0, Math.PI,
        123456789012345.67, 9007199254740993.0, 2.2250738585072011e-308, 4.9e-324, 1e-7, 1e21, -1.7976931348623157e308};
    for (double d : special) {
      assertBitIdentical(d);
    }
    SplittableRandom random = new SplittableRandom(8259);
    for (int i = 0; i < 5_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        assertBitIdentical(d);
      }
    }
    float f = 0.1f;
    assertEquals((double) f, parse(Json.write(f)), "a float is widened exactly");
  }

  private static void assertBitIdentical(double d) {
    Object back = parse(Json.write(d));
    assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) back), () -> Double.toString(d));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsNonFiniteNumbers(double d) {
    assertEquals("cannot write " + d + " as JSON: JSON has no NaN or infinity",
        assertThrows(DescentException.class, () -> Json.write(List.of(d))).getMessage());
  }

  @Test
  void rejectsWhatJsonCannotHold() {
    assertEquals("cannot write a string with an unpaired surrogate U+D83D at index 1 as JSON: it is not valid Unicode",
        assertThrows(DescentException.class, () -> Json.write("a\uD83D")).getMessage());
    assertEquals("cannot write a JSON object key of type java.lang.Integer; keys must be strings",
        assertThrows(DescentException.class, () -> Json.write(Map.of(1, 2))).getMessage());
    assertEquals("cannot write a java.lang.Object as JSON; expected a Map, List, String, Long, Integer, Double, Float, "
        + "Boolean or null", assertThrows(DescentException.class, () -> Json.write(new Object())).getMessage());
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertEquals("cannot write JSON nested deeper than 1000 levels (does a map or list contain itself?)",
        assertThrows(DescentException.class, () -> Json.write(cycle)).getMessage());
  }

  @Test
  void quoteKeepsMessagesOnOneLine() {
    assertEquals("\"a\\u000ab\\\"\"", Json.quote("a\nb\""));
    assertEquals("\"" + "x".repeat(200) + "...\"", Json.quote("x".repeat(300)));
    assertEquals("\"\\ud800\"", Json.quote("\uD800"));
  }
}
