package dev.descent.io;

/**
 * A small strict JSON parser and writer (RFC 8259, "The JavaScript Object Notation (JSON) Data
 * Interchange Format"), hardened for hostile input.
 *
 * <p>Parsing maps JSON to Java as follows: an object to a {@code LinkedHashMap<String, Object>}
 * in the order of the text, an array to an {@code ArrayList<Object>}, a string to a
 * {@link String}, a number without fraction or exponent that fits in 64 bits to a {@link Long},
 * any other number to a {@link Double}, {@code true}/{@code false} to a {@link Boolean}, and
 * {@code null} to Java {@code null} (use {@code containsKey} to tell a null member from a missing
 * one).
 *
 * <p>Strictness: exactly one value with only JSON whitespace (space, tab, CR, LF) around it; no
 * comments, trailing commas, single quotes, leading zeros, {@code NaN} or byte-order mark; a
 * repeated object key is an error; control characters in strings must be escaped; unpaired
 * surrogates (raw or as {@code \}{@code u} escapes) are errors because they are not Unicode text;
 * a number beyond the range of a double is an error. Every problem is a {@link JsonException}
 * with line, column and offset. {@link JsonLimits} bound depth, string length, value count and
 * text length; the parser uses no recursion, so no nesting can overflow the stack.
 *
 * <p>Stateless and thread-safe.
 */
public final class Json {
  private Json() {}

  /** Parses {@code text} as one JSON value within {@code limits}; see the class comment for the types. */
  public static Object parse(String text, JsonLimits limits) {
    return new JsonParser(text, limits, false).parse();
  }

  /** Parses {@code text} like {@link #parse}, and records where each container and member starts. */
  public static JsonDocument parseDocument(String text, JsonLimits limits) {
    JsonParser parser = new JsonParser(text, limits, true);
    Object value = parser.parse();
    return new JsonDocument(text, value, parser.positions());
  }

  /**
   * Writes {@code value} as compact JSON: a {@code Map} with {@code String} keys (in its iteration
   * order), any {@code Collection}, {@code String}, {@code Long}/{@code Integer}/{@code Short}/
   * {@code Byte}, {@code Double}/{@code Float}, {@code Boolean} or {@code null}.
   *
   * <p>Strings escape {@code "}, {@code \}, and every control character below U+0020 (as
   * {@code \n}, {@code \t}, ... or {@code \}{@code u00XX}); other characters are written as they
   * are. Doubles are written with {@link Double#toString(double)}, the shortest decimal that reads
   * back to the same double, so {@code parse(write(x))} is bit-identical (a float is widened to
   * double first). NaN and infinities, an unpaired surrogate, a non-string key, an unsupported
   * type, or nesting deeper than 1000 levels are a {@link dev.descent.DescentException}.
   */
  public static String write(Object value) {
    return new JsonWriter().write(value);
  }

  /**
   * {@code s} as a double-quoted literal on one line, for error messages: quotes, backslashes,
   * control and line-separator characters and unpaired surrogates escaped as in JSON, and more
   * than 200 characters cut short with "...".
   */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(s.length(), 200);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        out.append(c).append(s.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(end < s.length() ? "...\"" : "\"").toString();
  }

  /** The line of character {@code offset} in {@code text}, from 1 ({@code \n} separates lines). */
  static int line(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The column of character {@code offset} in {@code text}, from 1, in characters. */
  static int column(String text, int offset) {
    int end = Math.min(offset, text.length());
    int lineStart = text.lastIndexOf('\n', end - 1) + 1;
    return offset - lineStart + 1;
  }
}
