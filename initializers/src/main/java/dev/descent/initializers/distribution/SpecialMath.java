package dev.descent.initializers.distribution;

/**
 * ln Γ and the regularized incomplete beta function I_x(a, b), for the distribution of an entry of
 * a random orthogonal matrix. ln Γ is Lanczos's approximation with g = 7 and nine coefficients
 * (relative error about 1e-15); I_x(a, b) is the continued fraction of Numerical Recipes (Press et
 * al., 3rd ed., §6.4), evaluated by the modified Lentz method on the side where it converges
 * fast. Stateless and thread-safe.
 */
public final class SpecialMath {
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

  private SpecialMath() {}

  /** ln Γ(x) for x &gt; 0. */
  public static double lnGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** I_x(a, b) = B(x; a, b)/B(a, b) for 0 ≤ x ≤ 1, a, b &gt; 0. */
  public static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }
}
