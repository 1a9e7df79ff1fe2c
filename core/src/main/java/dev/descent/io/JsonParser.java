package dev.descent.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict RFC 8259 parser behind {@link Json#parse} and {@link Json#parseDocument}.
 *
 * <p>It is iterative: open containers live on an explicit stack whose height is checked against
 * {@link JsonLimits#maxDepth()} before each push, so no input can overflow the thread's stack.
 * One instance parses one text; not thread-safe.
 */
final class JsonParser {
  private final String text;
  private final JsonLimits limits;
  private final IdentityHashMap<Object, int[]> positions;
  private int pos;
  private int values;

  /** An open array or object: the container, where it starts, and its members' offsets. */
  private static final class Frame {
    final Object container;
    final int start;
    int[] offsets = new int[4];
    int count;
    String key;

    Frame(Object container, int start) {
      this.container = container;
      this.start = start;
    }

    boolean isObject() {
      return container instanceof Map;
    }

    @SuppressWarnings("unchecked")
    void add(Object value, int offset) {
      if (container instanceof Map) {
        ((Map<String, Object>) container).put(key, value);
      } else {
        ((List<Object>) container).add(value);
      }
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[count++] = offset;
    }
  }

  /** A parser of {@code text}; records container positions when {@code recordPositions}. */
  JsonParser(String text, JsonLimits limits, boolean recordPositions) {
    this.text = text;
    this.limits = limits;
    this.positions = recordPositions ? new IdentityHashMap<>() : null;
  }

  /** The positions recorded by {@link #parse()}: container → {start, member offsets...}. */
  IdentityHashMap<Object, int[]> positions() {
    return positions;
  }

  /** Parses the whole text as one JSON value. */
  Object parse() {
    if (text.length() > limits.maxTextLength()) {
      throw error(limits.maxTextLength(), "text of " + text.length() + " characters exceeds the limit of "
          + limits.maxTextLength());
    }
    List<Frame> stack = new ArrayList<>();
    while (true) {
      skipWhitespace();
      int start = pos;
      Object value = null;
      boolean opened = false;
      countValue(start);
      char c = peek("a value");
      switch (c) {
        case '{', '[' -> {
          if (stack.size() >= limits.maxDepth()) {
            throw error(start, "nesting deeper than " + limits.maxDepth() + " levels");
          }
          pos++;
          Frame frame = new Frame(c == '{' ? new LinkedHashMap<String, Object>() : new ArrayList<>(), start);
          skipWhitespace();
          char close = c == '{' ? '}' : ']';
          if (pos < text.length() && text.charAt(pos) == close) {
            pos++;
            value = close(frame);
          } else {
            stack.add(frame);
            if (frame.isObject()) {
              readKey(frame);
            }
            opened = true;
          }
        }
        case '"' -> value = readString();
        case 't' -> value = readLiteral("true", Boolean.TRUE);
        case 'f' -> value = readLiteral("false", Boolean.FALSE);
        case 'n' -> value = readLiteral("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            value = readNumber();
          } else {
            throw error(start, "unexpected " + describe(c) + ", expected a value");
          }
        }
      }
      if (opened) {
        continue;
      }
      // The value is complete: attach it, and close every container that ends here.
      while (true) {
        if (stack.isEmpty()) {
          skipWhitespace();
          if (pos < text.length()) {
            throw error(pos, "unexpected " + describe(text.charAt(pos)) + " after the end of the JSON value");
          }
          return value;
        }
        Frame top = stack.get(stack.size() - 1);
        top.add(value, start);
        skipWhitespace();
        char close = top.isObject() ? '}' : ']';
        String expected = "',' or '" + close + "'";
        char next = peek(expected);
        pos++;
        if (next == ',') {
          if (top.isObject()) {
            skipWhitespace();
            readKey(top);
          }
          break;
        }
        if (next != close) {
          throw error(pos - 1, "unexpected " + describe(next) + ", expected " + expected);
        }
        stack.remove(stack.size() - 1);
        value = close(top);
        start = top.start;
      }
    }
  }

  private Object close(Frame frame) {
    if (positions != null) {
      int[] offsets = new int[frame.count + 1];
      offsets[0] = frame.start;
      System.arraycopy(frame.offsets, 0, offsets, 1, frame.count);
      positions.put(frame.container, offsets);
    }
    return frame.container;
  }

  /** Reads {@code "key"} and the colon after it into {@code frame.key}; a repeated key is an error. */
  private void readKey(Frame frame) {
    int start = pos;
    char c = peek("'\"' (an object key)");
    if (c != '"') {
      throw error(start, "unexpected " + describe(c) + ", expected '\"' (an object key)");
    }
    String key = readString();
    if (((Map<?, ?>) frame.container).containsKey(key)) {
      throw error(start, "duplicate key " + Json.quote(key));
    }
    skipWhitespace();
    char colon = peek("':'");
    if (colon != ':') {
      throw error(pos, "unexpected " + describe(colon) + ", expected ':'");
    }
    pos++;
    frame.key = key;
  }

  private void countValue(int start) {
    if (++values > limits.maxValues()) {
      throw error(start, "more than " + limits.maxValues() + " values");
    }
  }

  private String readString() {
    int start = pos;
    pos++;
    StringBuilder out = null;
    int runStart = pos;
    int length = 0;
    while (true) {
      if (pos >= text.length()) {
        throw error(start, "unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
        if (c == '"') {
          String value = out == null ? text.substring(runStart, pos) : out.append(text, runStart, pos).toString();
          pos++;
          return value;
        }
        if (c < 0x20) {
          throw error(pos, "unescaped control character " + describe(c) + " in a string");
        }
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, runStart, pos);
        if (c == '\\') {
          readEscape(out);
        } else {
          readRawSurrogatePair(out);
        }
        runStart = pos;
        length = out.length();
      } else {
        pos++;
        length++;
      }
      if (length > limits.maxStringLength()) {
        throw error(start, "string longer than " + limits.maxStringLength() + " characters");
      }
    }
  }

  private void readRawSurrogatePair(StringBuilder out) {
    char high = text.charAt(pos);
    if (Character.isHighSurrogate(high) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
      out.append(high).append(text.charAt(pos + 1));
      pos += 2;
      return;
    }
    throw error(pos, "unpaired surrogate " + describe(high) + " in a string");
  }

  private void readEscape(StringBuilder out) {
    int start = pos;
    if (pos + 1 >= text.length()) {
      throw error(start, "unterminated escape sequence");
    }
    char c = text.charAt(pos + 1);
    pos += 2;
    switch (c) {
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case '/' -> out.append('/');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> {
        char unit = readHex4(start);
        if (Character.isHighSurrogate(unit)) {
          if (text.startsWith("\\u", pos)) {
            int lowStart = pos;
            pos += 2;
            char low = readHex4(lowStart);
            if (Character.isLowSurrogate(low)) {
              out.append(unit).append(low);
              return;
            }
          }
          throw error(start, "unpaired surrogate escape \\u" + hex4(unit));
        }
        if (Character.isLowSurrogate(unit)) {
          throw error(start, "unpaired surrogate escape \\u" + hex4(unit));
        }
        out.append(unit);
      }
      default -> throw error(start, "invalid escape \\" + (c < 0x20 || c > 0x7e ? describe(c) : String.valueOf(c)));
    }
  }

  private char readHex4(int escapeStart) {
    if (pos + 4 > text.length()) {
      throw error(escapeStart, "\\u escape needs four hexadecimal digits");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0 || text.charAt(pos + i) > 'f') {
        throw error(escapeStart, "\\u escape needs four hexadecimal digits");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  private Object readLiteral(String literal, Object value) {
    if (!text.startsWith(literal, pos)) {
      throw error(pos, "unexpected " + describe(text.charAt(pos)) + ", expected a value");
    }
    pos += literal.length();
    return value;
  }

  /** Reads {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; a Long when integral and in range. */
  private Object readNumber() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '0') {
      pos++;
    } else if (!digits()) {
      throw error(start, "a number needs digits after '-'");
    }
    boolean integral = true;
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      integral = false;
      if (!digits()) {
        throw error(start, "a number needs digits after the decimal point");
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      integral = false;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error(start, "a number needs digits in its exponent");
      }
    }
    if (pos - start > limits.maxStringLength()) {
      throw error(start, "number longer than " + limits.maxStringLength() + " characters");
    }
    String token = text.substring(start, pos);
    if (integral && pos - start <= 20) {
      try {
        return Long.parseLong(token);
      } catch (NumberFormatException e) {
        // Outside the range of a long: read it as a double below.
      }
    }
    double value = Double.parseDouble(token);
    if (Double.isInfinite(value)) {
      throw error(start, "number " + abbreviate(token) + " is out of the range of a double");
    }
    return value;
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private char peek(String expected) {
    if (pos >= text.length()) {
      throw error(pos, "unexpected end of text, expected " + expected);
    }
    return text.charAt(pos);
  }

  private JsonException error(int offset, String reason) {
    return new JsonException(text, offset, reason);
  }

  private static String abbreviate(String token) {
    return token.length() <= 40 ? token : token.substring(0, 37) + "...";
  }

  private static String hex4(char c) {
    return String.format("%04X", (int) c);
  }

  /** A character as {@code 'x'} when printable ASCII, else {@code U+XXXX}. */
  static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + hex4(c);
  }
}
