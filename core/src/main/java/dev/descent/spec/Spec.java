package dev.descent.spec;

import com.google.common.collect.ImmutableMap;
import dev.descent.DescentException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed spec string: a name and its arguments, as in {@code adam(lr=0.001, beta2=0.98)},
 * {@code he_normal} or {@code multistep(milestones=[30, 80], gamma=0.1)}.
 *
 * <p>Grammar: {@code spec := name [ "(" [ arg { "," arg } ] ")" ]}, {@code arg := key "=" value},
 * {@code value := bare | quoted-string | "[" [ value { "," value } ] "]"}. Names and keys are
 * ASCII letters, digits, {@code _} and {@code -}, at most {@value #MAX_NAME_LENGTH} characters;
 * names are case-insensitive and stored in lower case. A bare value is ASCII letters, digits and
 * {@code _ - . +} (numbers such as {@code -1.5e-3}, words such as {@code fan_out}); anything else
 * is quoted with {@code '} or {@code "}. A quoted string runs to the next identical quote and has
 * no escapes: a backslash is an ordinary character, and a string cannot hold its own quote or a
 * control character such as a line break. Lists nest at most {@value #MAX_DEPTH} deep, and a spec
 * is at most {@value #MAX_LENGTH} characters long. Spaces (any {@link Character#isWhitespace}
 * character) may surround every token.
 *
 * <p>Arguments are kept as written, as text (a list as {@code [a, b]}, one space after each comma,
 * whatever its spacing); {@link #bind} converts them to the types a provider declares. A malformed spec is a one-line {@link DescentException} that quotes the spec (an
 * excerpt around the error when it is long, with invisible characters escaped as <code>&#92;uXXXX</code>)
 * and says what was expected at which column, counting code points from 1.
 *
 * @param text the spec as written, without surrounding spaces
 * @param name the lower-case name
 * @param arguments the raw argument values by key, in the order written
 */
public record Spec(String text, String name, ImmutableMap<String, String> arguments) {

  /** The longest spec accepted, in characters. */
  public static final int MAX_LENGTH = 10_000;

  /** The longest name or parameter key accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

  /** The deepest nesting of lists accepted. */
  public static final int MAX_DEPTH = 16;

  /** Parses {@code text}; see the class documentation for the grammar. */
  public static Spec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DescentException("empty spec: expected a name such as he_normal or sgd(lr=0.1)");
    }
    if (text.length() > MAX_LENGTH) {
      throw new DescentException(String.format("spec '%s': %d characters; expected at most %d",
          excerpt(text, 0), text.length(), MAX_LENGTH));
    }
    return new Parser(text).parse();
  }

  /**
   * Binds the arguments to the declared parameters: converts each to its type, fills in defaults,
   * and rejects unknown, repeated, missing or mistyped ones with a message naming the parameter.
   */
  public Arguments bind(java.util.List<ParamSpec> parameters) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    for (ParamSpec p : parameters) {
      byName.put(p.name(), p);
    }
    for (Map.Entry<String, String> arg : arguments.entrySet()) {
      ParamSpec p = byName.get(arg.getKey());
      if (p == null) {
        throw new DescentException(
            String.format(
                "%s: unknown parameter '%s'%s; %s accepts %s",
                name,
                arg.getKey(),
                Names.didYouMean(arg.getKey(), byName.keySet()),
                name,
                byName.isEmpty() ? "no parameters" : String.join(", ", byName.keySet())));
      }
      values.put(p.name(), p.type().convert(name, p.name(), arg.getValue()));
    }
    for (ParamSpec p : parameters) {
      if (!values.containsKey(p.name())) {
        if (p.required()) {
          throw new DescentException(
              String.format("%s: parameter '%s' is required (%s)", name, p.name(), p.type().describe()));
        }
        values.put(p.name(), p.defaultValue());
      }
    }
    return new Arguments(name, values);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The longest excerpt of a spec that error messages quote, in code points. */
  private static final int SHOWN = 60;

  /**
   * {@code text} as error messages quote it: whole when short, otherwise about {@value #SHOWN}
   * code points around {@code index} with {@code …} where text is left out; characters that are
   * invisible or would break the line are escaped as <code>&#92;uXXXX</code>.
   */
  static String excerpt(String text, int index) {
    int length = text.codePointCount(0, text.length());
    int from = 0;
    int to = length;
    if (length > SHOWN) {
      int at = text.codePointCount(0, Math.min(index, text.length()));
      from = Math.max(0, Math.min(at - SHOWN / 2, length - SHOWN));
      to = from + SHOWN;
    }
    StringBuilder b = new StringBuilder(from > 0 ? "…" : "");
    int start = text.offsetByCodePoints(0, from);
    int end = text.offsetByCodePoints(start, to - from);
    for (int i = start; i < end; ) {
      int c = text.codePointAt(i);
      if (c == ' ' || visible(c)) {
        b.appendCodePoint(c);
      } else {
        for (char unit : Character.toChars(c)) {
          b.append(String.format("\\u%04X", (int) unit));
        }
      }
      i += Character.charCount(c);
    }
    return b.append(to < length ? "…" : "").toString();
  }

  /** How a message names the character {@code c}: {@code 'x'}, {@code 'é' (U+00E9)} or {@code U+000A}. */
  static String describe(int c) {
    String code = String.format("U+%04X", c);
    if (c < 0x80 && visible(c)) {
      return "'" + (char) c + "'";
    }
    return visible(c) ? "'" + new String(Character.toChars(c)) + "' (" + code + ")" : code;
  }

  /** Whether {@code c} shows as a visible glyph: not a control, format, separator or unassigned code point. */
  private static boolean visible(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /** A recursive-descent parser over one spec string; {@code pos} is the index of the next character. */
  private static final class Parser {
    private static final int END = -1;
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Spec parse() {
      skipSpaces();
      String name = word("a name");
      ImmutableMap.Builder<String, String> args = ImmutableMap.builder();
      Set<String> seen = new HashSet<>();
      skipSpaces();
      boolean parenthesized = peek() == '(';
      if (parenthesized) {
        pos++;
        skipSpaces();
        if (peek() != ')') {
          while (true) {
            skipSpaces();
            int keyStart = pos;
            String key = word("a parameter name").toLowerCase(Locale.ROOT);
            skipSpaces();
            expect('=');
            skipSpaces();
            String value = value(0);
            if (!seen.add(key)) {
              throw error("parameter '" + key + "' is given twice", keyStart);
            }
            args.put(key, value);
            skipSpaces();
            if (peek() != ',') {
              break;
            }
            pos++;
          }
          if (peek() != ')') {
            throw expected("',' or ')'");
          }
        }
        pos++;
      }
      skipSpaces();
      if (peek() != END) {
        throw expected(parenthesized ? "the end of the spec" : "'(' or the end of the spec");
      }
      return new Spec(text.strip(), name.toLowerCase(Locale.ROOT), args.build());
    }

    /**
     * A value at list depth {@code depth}: a bare value or a string without its quotes as written,
     * a list as {@code [item, item]} with each item as written (strings with their quotes) and one
     * space after each comma, whatever the spacing and line breaks were.
     */
    private String value(int depth) {
      int c = peek();
      if (c == '[') {
        if (depth == MAX_DEPTH) {
          throw error("expected at most " + MAX_DEPTH + " nested lists but found another '['", pos);
        }
        StringBuilder list = new StringBuilder("[");
        pos++;
        skipSpaces();
        if (peek() != ']') {
          while (true) {
            skipSpaces();
            int start = pos;
            String item = value(depth + 1);
            list.append(text.charAt(start) == '[' ? item : text.substring(start, pos));
            skipSpaces();
            if (peek() != ',') {
              break;
            }
            list.append(", ");
            pos++;
          }
          if (peek() != ']') {
            throw expected("',' or ']'");
          }
        }
        pos++;
        return list.append(']').toString();
      }
      if (c == '\'' || c == '"') {
        int open = pos++;
        int start = pos;
        while (peek() != c) {
          int d = peek();
          if (d == END || Character.isISOControl(d) && d != '\t' || d == 0x2028 || d == 0x2029) {
            throw expected("the closing " + (char) c + " of the string opened at column " + column(open));
          }
          pos++;
        }
        return text.substring(start, pos++);
      }
      int start = pos;
      while (isBareChar(peek())) {
        pos++;
      }
      if (start == pos) {
        throw expected("a value (a number, a word, a quoted string or a list)");
      }
      return text.substring(start, pos);
    }

    /** A name or key: at least one and at most {@link #MAX_NAME_LENGTH} word characters. */
    private String word(String what) {
      int start = pos;
      while (isWordChar(peek())) {
        pos++;
      }
      if (start == pos) {
        throw expected(what);
      }
      if (pos - start > MAX_NAME_LENGTH) {
        throw error(String.format("expected %s of at most %d characters but found one of %d", what, MAX_NAME_LENGTH,
            pos - start), start);
      }
      return text.substring(start, pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw expected("'" + c + "'");
      }
      pos++;
    }

    /** The character at {@code pos}, or {@link #END}. */
    private int peek() {
      return pos < text.length() ? text.charAt(pos) : END;
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    /** "expected {@code what} but found X" at {@code pos}, or "... but the spec ends". */
    private DescentException expected(String what) {
      String found = pos < text.length() ? "found " + describe(text.codePointAt(pos)) : "the spec ends";
      return error("expected " + what + " but " + found, pos);
    }

    private DescentException error(String what, int index) {
      return new DescentException(String.format("spec '%s': %s at column %d", excerpt(text, index), what, column(index)));
    }

    /** The column of the character at {@code index}, counting code points from 1. */
    private int column(int index) {
      return text.codePointCount(0, index) + 1;
    }

    private static boolean isWordChar(int c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean isBareChar(int c) {
      return isWordChar(c) || c == '.' || c == '+';
    }
  }
}
