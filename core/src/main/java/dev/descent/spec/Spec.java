package dev.descent.spec;

import com.google.common.collect.ImmutableMap;
import dev.descent.DescentException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed spec string: a name and its arguments, as in {@code adam(lr=0.001, beta2=0.98)},
 * {@code he_normal} or {@code multistep(milestones=[30, 80], gamma=0.1)}.
 *
 * <p>Grammar: {@code spec := name [ "(" [ arg { "," arg } ] ")" ]}, {@code arg := key "=" value},
 * {@code value := number | word | quoted-string | "[" [ value { "," value } ] "]"}. Names and keys
 * are letters, digits, {@code _} and {@code -}; names are case-insensitive and stored in lower case.
 * Arguments are kept as written, as text; {@link #bind} converts them to the types a provider
 * declares. A malformed spec is a {@link DescentException} that names the column.
 *
 * @param text the spec as written
 * @param name the lower-case name
 * @param arguments the raw argument values by key, in the order written
 */
public record Spec(String text, String name, ImmutableMap<String, String> arguments) {

  /** Parses {@code text}; see the class documentation for the grammar. */
  public static Spec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DescentException("empty spec: expected a name such as he_normal or sgd(lr=0.1)");
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

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Spec parse() {
      skipSpaces();
      String name = word("a name");
      ImmutableMap.Builder<String, String> args = ImmutableMap.builder();
      java.util.Set<String> seen = new java.util.HashSet<>();
      skipSpaces();
      if (peek() == '(') {
        pos++;
        skipSpaces();
        if (peek() != ')') {
          while (true) {
            skipSpaces();
            int keyColumn = pos + 1;
            String key = word("a parameter name").toLowerCase(java.util.Locale.ROOT);
            skipSpaces();
            expect('=');
            skipSpaces();
            String value = value();
            if (!seen.add(key)) {
              throw error("parameter '" + key + "' is given twice", keyColumn);
            }
            args.put(key, value);
            skipSpaces();
            if (peek() == ',') {
              pos++;
              continue;
            }
            break;
          }
        }
        expect(')');
      }
      skipSpaces();
      if (pos < text.length()) {
        throw error("unexpected '" + text.charAt(pos) + "'", pos + 1);
      }
      return new Spec(text.strip(), name.toLowerCase(java.util.Locale.ROOT), args.build());
    }

    private String value() {
      char c = peek();
      if (c == '[') {
        int start = pos;
        pos++;
        skipSpaces();
        if (peek() != ']') {
          while (true) {
            skipSpaces();
            value();
            skipSpaces();
            if (peek() == ',') {
              pos++;
              continue;
            }
            break;
          }
        }
        expect(']');
        return text.substring(start, pos);
      }
      if (c == '\'' || c == '"') {
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != c) {
          pos++;
        }
        if (pos >= text.length()) {
          throw error("unterminated string", start);
        }
        return text.substring(start, pos++);
      }
      int start = pos;
      while (pos < text.length() && isValueChar(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a value", pos + 1);
      }
      return text.substring(start, pos);
    }

    private String word(String what) {
      int start = pos;
      while (pos < text.length() && isWordChar(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected " + what, pos + 1);
      }
      return text.substring(start, pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error(
            "expected '" + c + "'" + (pos < text.length() ? " but found '" + text.charAt(pos) + "'" : " at the end"),
            pos + 1);
      }
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private DescentException error(String what, int column) {
      return new DescentException(String.format("spec '%s': %s at column %d", text, what, column));
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isValueChar(char c) {
      return isWordChar(c) || c == '.' || c == '+';
    }
  }
}
