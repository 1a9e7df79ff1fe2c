package dev.descent.nn;

/**
 * Special functions in double precision: the logistic sigmoid, the error function and the standard
 * normal density and distribution. Stateless and thread-safe.
 */
public final class SpecialFunctions {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private SpecialFunctions() {}

  /** σ(x) = 1 / (1 + e⁻ˣ), evaluated without overflow for any x. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /**
   * erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt, to about one unit in the last place, from the series
   * erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿ·x^(2n+1) / (1·3·…·(2n+1)) (Abramowitz and Stegun 7.1.6), whose
   * terms are all positive, and ±1 beyond |x| = 6, where 1 − |erf| is below 2⁻⁵³.
   */
  public static double erf(double x) {
    double ax = Math.abs(x);
    if (ax >= 6) {
      return Math.signum(x);
    }
    double term = ax;
    double sum = ax;
    double x2 = ax * ax;
    for (int n = 1; n < 200; n++) {
      term *= 2 * x2 / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-x2) * sum, x);
  }

  /** Φ(x), the standard normal distribution function, = (1 + erf(x/√2)) / 2. */
  public static double normalCdf(double x) {
    return 0.5 * (1 + erf(x / Math.sqrt(2)));
  }

  /** φ(x) = e^(−x²/2) / √(2π), the standard normal density. */
  public static double normalPdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }
}
