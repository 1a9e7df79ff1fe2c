package dev.descent.bench.sidebyside;

import java.util.Locale;

/**
 * One row of the side-by-side table: a measure taken of Descent and of another implementation on
 * the same machine, and how many times better Descent did.
 *
 * <p>The ratio is Descent's figure over the other's when higher is better (a throughput), the
 * other's over Descent's when lower is better (a time), so a ratio above 1 always means Descent did
 * better. The target, when there is one, is met when ratio ≥ target.
 *
 * @param measure what was measured, with its unit, such as {@code MLP training, batch 32 (samples/s)}
 * @param descent Descent's figure
 * @param other the other implementation's figure, NaN when it did not run
 * @param otherName the other implementation, such as {@code PyTorch}
 * @param higherIsBetter true for a throughput, false for a time
 * @param target the ratio the project aims for, NaN when there is none
 */
public record Comparison(String measure, double descent, double other, String otherName, boolean higherIsBetter,
    double target) {

  /** How many times better Descent did; NaN when either figure is missing. */
  public double ratio() {
    return higherIsBetter ? descent / other : other / descent;
  }

  /** {@code yes} or {@code no} when there is a target and a ratio, else {@code -}. */
  public String met() {
    if (Double.isNaN(target) || Double.isNaN(ratio())) {
      return "-";
    }
    return ratio() >= target ? "yes" : "no";
  }

  /** The ratio as {@code 12.3×}, or {@code -}. */
  public String ratioText() {
    double r = ratio();
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2f×", r);
  }

  /** The target as {@code ≥ 1.5×}, or {@code -}. */
  public String targetText() {
    return Double.isNaN(target) ? "-" : String.format(Locale.ROOT, "≥ %s×", trim(target));
  }

  /** Descent's figure, formatted for its size. */
  public String descentText() {
    return number(descent);
  }

  /** The other figure followed by the other implementation's name, or {@code - (name did not run)}. */
  public String otherText() {
    return Double.isNaN(other) ? "- (" + otherName + " did not run)" : number(other) + " (" + otherName + ")";
  }

  /** A figure with three significant decimals below 100 and grouped thousands above. */
  static String number(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.3f", x);
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
