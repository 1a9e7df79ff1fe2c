package dev.descent.bench;

import dev.descent.DescentException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The values of the benchmark tools' {@code --name value} options, each checked against its range:
 * a value out of range or not a number is a one-line error naming the option, the range and the
 * value given.
 */
public final class OptionValues {
  private OptionValues() {}

  /** {@code value} as a number in [min, max]. */
  public static double number(String name, String value, double min, double max) {
    return inRange(name, value, Double::valueOf, min, max, "a number in [" + plain(min) + ", " + plain(max) + "]");
  }

  /** {@code value} as an integer in [min, max]. */
  public static long integer(String name, String value, long min, long max) {
    return inRange(name, value, Long::valueOf, min, max, "an integer in [" + min + ", " + max + "]");
  }

  private static <T extends Comparable<T>> T inRange(
      String name, String value, Function<String, T> parse, T min, T max, String allowed) {
    try {
      T x = parse.apply(value);
      if (x.compareTo(min) >= 0 && x.compareTo(max) <= 0) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DescentException(String.format("option %s must be %s, got '%s'", name, allowed, value));
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
