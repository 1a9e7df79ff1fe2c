package dev.descent.spec;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import java.util.Locale;

/**
 * The type of a provider parameter, which converts the text written in a spec to a value.
 *
 * <p>Values are {@link Double}, {@link Integer}, {@link Long}, {@link Boolean}, {@link String}
 * (free text or one of a fixed set of choices), {@code double[]} or {@code int[]}. Numbers accept
 * Java's and Python's spellings ({@code 1e-3}, {@code inf}); booleans accept {@code true} and
 * {@code false} in any case.
 *
 * @param kind what kind of value
 * @param choices the accepted words for {@link Kind#CHOICE}, empty otherwise
 */
public record ParamType(Kind kind, ImmutableList<String> choices) {

  /** The kinds of parameter value. */
  public enum Kind {
    DOUBLE, INT, LONG, BOOLEAN, STRING, CHOICE, DOUBLE_LIST, INT_LIST
  }

  public static final ParamType DOUBLE = new ParamType(Kind.DOUBLE, ImmutableList.of());
  public static final ParamType INT = new ParamType(Kind.INT, ImmutableList.of());
  public static final ParamType LONG = new ParamType(Kind.LONG, ImmutableList.of());
  public static final ParamType BOOLEAN = new ParamType(Kind.BOOLEAN, ImmutableList.of());
  public static final ParamType STRING = new ParamType(Kind.STRING, ImmutableList.of());
  public static final ParamType DOUBLE_LIST = new ParamType(Kind.DOUBLE_LIST, ImmutableList.of());
  public static final ParamType INT_LIST = new ParamType(Kind.INT_LIST, ImmutableList.of());

  /** A word from a fixed set, compared case-insensitively and stored in lower case. */
  public static ParamType choice(String... choices) {
    return new ParamType(Kind.CHOICE, ImmutableList.copyOf(choices));
  }

  /** A short description for listings and errors, such as {@code "a number"} or {@code "one of fan_in, fan_out"}. */
  public String describe() {
    return switch (kind) {
      case DOUBLE -> "a number";
      case INT -> "an integer";
      case LONG -> "an integer";
      case BOOLEAN -> "true or false";
      case STRING -> "text";
      case CHOICE -> "one of " + String.join(", ", choices);
      case DOUBLE_LIST -> "a list of numbers such as [0.1, 0.2]";
      case INT_LIST -> "a list of integers such as [30, 80]";
    };
  }

  /** The short type name shown by listings: {@code double}, {@code int}, {@code choice}, ... */
  public String typeName() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Formats a value of this type the way a spec would write it. */
  public String format(Object value) {
    if (value == null) {
      return "required";
    }
    if (value instanceof double[] xs) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < xs.length; i++) {
        b.append(i == 0 ? "" : ", ").append(formatNumber(xs[i]));
      }
      return b.append(']').toString();
    }
    if (value instanceof int[] xs) {
      return java.util.Arrays.toString(xs);
    }
    if (value instanceof Double d) {
      return formatNumber(d);
    }
    return value.toString();
  }

  private static String formatNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /** Converts {@code text}; {@code owner} and {@code param} name the error's subject. */
  Object convert(String owner, String param, String text) {
    try {
      return switch (kind) {
        case DOUBLE -> parseDouble(text);
        case INT -> Integer.parseInt(text.strip());
        case LONG -> Long.parseLong(text.strip());
        case BOOLEAN -> parseBoolean(text);
        case STRING -> text;
        case CHOICE -> parseChoice(owner, param, text);
        case DOUBLE_LIST -> {
          String[] parts = listItems(text);
          double[] values = new double[parts.length];
          for (int i = 0; i < parts.length; i++) {
            values[i] = parseDouble(parts[i]);
          }
          yield values;
        }
        case INT_LIST -> {
          String[] parts = listItems(text);
          int[] values = new int[parts.length];
          for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i].strip());
          }
          yield values;
        }
      };
    } catch (NumberFormatException | IllegalStateException e) {
      throw new DescentException(
          String.format("%s: parameter '%s' must be %s, got '%s'", owner, param, describe(), text));
    }
  }

  private Object parseChoice(String owner, String param, String text) {
    String word = text.strip().toLowerCase(Locale.ROOT);
    if (!choices.contains(word)) {
      throw new DescentException(
          String.format(
              "%s: parameter '%s' must be %s, got '%s'%s",
              owner, param, describe(), text, Names.didYouMean(word, choices)));
    }
    return word;
  }

  private static String[] listItems(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t.isEmpty() ? new String[0] : t.split("\\s*,\\s*");
  }

  private static double parseDouble(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "nan" -> throw new NumberFormatException("nan");
      default -> Double.parseDouble(t);
    };
  }

  private static boolean parseBoolean(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("true")) {
      return true;
    }
    if (t.equals("false")) {
      return false;
    }
    throw new IllegalStateException(t);
  }
}
