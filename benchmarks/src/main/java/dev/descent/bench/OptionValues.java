package dev.descent.bench;

import dev.descent.DescentException;
import java.math.BigDecimal;

/**
 * The values of the benchmark tools' {@code --name value} options, each checked against its range:
 * a value out of range or not a number is a one-line error naming the option, the range and the
 * value given.
 */
public final class OptionValues {
  private OptionValues() {}

  /** {@code value} as a number in [min, max]. */
  public static double number(String name, String value, double min, double max) {
    try {
      double x = Double.parseDouble(value);
      if (x >= min && x <= max) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DescentException(String.format("option %s must be a number in [%s, %s], got '%s'", name,
        plain(min), plain(max), value));
  }

  /** {@code value} as an integer in [min, max]. */
  public static long integer(String name, String value, long min, long max) {
    try {
      long x = Long.parseLong(value);
      if (x >= min && x <= max) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DescentException(String.format("option %s must be an integer in [%d, %d], got '%s'", name, min, max, value));
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
