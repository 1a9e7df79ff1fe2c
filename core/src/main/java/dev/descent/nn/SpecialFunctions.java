package dev.descent.nn;

import dev.descent.kernel.Exponentials;

/**
 * Special functions in double precision: the logistic sigmoid, the error function and the standard
 * normal density and distribution. Stateless and thread-safe.
 */
public final class SpecialFunctions {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private SpecialFunctions() {}

  /**
   * σ(x) = 1 / (1 + e⁻ˣ), evaluated without overflow for any x as (x ≥ 0 ? 1 : e)/(1 + e) with
   * e = e^(−|x|) from {@link Exponentials#exp}: bit for bit the σ that binary cross-entropy from
   * logits computes ({@link dev.descent.kernel.ElementwiseKernels#logitCrossEntropy}), so a model's
   * output is the same whether the sigmoid layer or the loss's pass wrote it.
   */
  public static double sigmoid(double x) {
    double e = Exponentials.exp(-Math.abs(x));
    return (x >= 0 ? 1 : e) / (1 + e);
  }

  /**
   * erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt, to a few units in the last place.
   *
   * <p>For |x| ≤ 2 from the series erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿ·x^(2n+1) / (1·3·…·(2n+1))
   * (Abramowitz and Stegun 7.1.6), whose terms are all positive, summed in double-double
   * arithmetic, with e^(−x²) corrected for the rounding of x². Beyond, as 1 − erfc(x) with erfc
   * from its continued fraction (A&amp;S 7.1.14), where erfc &lt; 0.005 so its relative error hardly
   * reaches erf. Odd, and ±1 from |x| = 6 on, where 1 − |erf| is below 2⁻⁵³.
   */
  public static double erf(double x) {
    double ax = Math.abs(x);
    if (Double.isNaN(x)) {
      return x;
    }
    double value;
    if (ax >= 6) {
      value = 1;
    } else if (ax > 2) {
      value = 1 - erfcLarge(ax);
    } else {
      value = erfSeries(ax);
    }
    return Math.copySign(Math.min(value, 1), x);
  }

  /** erfc(x) = 1 − erf(x). */
  public static double erfc(double x) {
    if (x > 2) {
      return x >= 27 ? 0 : erfcLarge(x);
    }
    return 1 - erf(x);
  }

  private static double erfSeries(double ax) {
    double x2 = ax * ax;
    double x2Low = Math.fma(ax, ax, -x2);
    double term = ax;
    double sumHigh = ax;
    double sumLow = 0;
    for (int n = 1; n < 100; n++) {
      term *= 2 * x2 / (2 * n + 1);
      double s = sumHigh + term;
      double bp = s - sumHigh;
      sumLow += (sumHigh - (s - bp)) + (term - bp);
      sumHigh = s;
      if (term < sumHigh * 1e-18) {
        break;
      }
    }
    double sum = sumHigh + sumLow;
    double gaussian = Math.exp(-x2) * (1 - x2Low);
    return TWO_OVER_SQRT_PI * (gaussian * sum);
  }

  /** erfc(x) for x &gt; 2 by the continued fraction, evaluated with the modified Lentz method. */
  private static double erfcLarge(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int n = 1; n < 500; n++) {
      double a = n / 2.0;
      d = x + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-17) {
        break;
      }
    }
    double x2 = x * x;
    double x2Low = Math.fma(x, x, -x2);
    return Math.exp(-x2) * (1 - x2Low) / (f * SQRT_PI);
  }

  /** Φ(x), the standard normal distribution function: (1 + erf(x/√2))/2, or erfc(−x/√2)/2 for x &lt; 0. */
  public static double normalCdf(double x) {
    double z = x / Math.sqrt(2);
    return x < 0 ? 0.5 * erfc(-z) : 0.5 * (1 + erf(z));
  }

  /** φ(x) = e^(−x²/2) / √(2π), the standard normal density. */
  public static double normalPdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }
}
