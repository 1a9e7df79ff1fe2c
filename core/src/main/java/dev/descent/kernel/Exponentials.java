package dev.descent.kernel;

/**
 * e^x and log(1 + x) defined by algorithms of exactly rounded operations only (+, −, ×, ÷, fused
 * multiply-add, and moves between a double and its bits), so that a vector implementation that
 * performs the same operations in lanes gives the same bits as this scalar definition, in the
 * interpreter, in C1 and in C2 alike. The JDK's {@link Math#exp} and {@link Math#log} promise only
 * one ulp, and their intrinsic stubs, the Vector API's SVML functions and its Java fallbacks each
 * round differently, so a result computed with them depends on which code ran.
 *
 * <p><b>exp</b> (Cody and Waite's argument reduction, "Software Manual for the Elementary
 * Functions", 1980; Tang, ACM TOMS 15(2), 1989): x is clamped to [−1100, 1100] (beyond, the result
 * is 0 or +∞ anyway), k = rint(x·log₂e) is read from the bits of fma(x, log₂e, 1.5·2⁵²), r = x −
 * k·ln2 in two fused steps with ln2 = {@link #LN2_HI} + {@link #LN2_LO} (|r| ≤ ln2/2 + 2⁻⁴⁰), and
 *
 * <pre>
 *   e^x = 2^k₁ · 2^k₂ · p(r),   p(r) = Σₙ₌₀¹³ rⁿ/n!  (Horner, one fma per term)
 * </pre>
 *
 * with k₁ = rint(x·log₂e/2) and k₂ = k − k₁, so both powers of two are normal numbers: the first
 * product is exact and the second rounds only a subnormal result, once. The truncated series adds
 * less than 10⁻¹⁷ relative error; the result is within one ulp of e^x (tested against fdlibm).
 *
 * <p><b>log1p</b> for finite x ≥ 0: with u = 1 + x rounded, log(1 + x) = log(u) + log(1 + c) where
 * c = (x − (u − 1))/u is the rounding error of u relative to u, below 2⁻⁵³, so log(1 + c) = c to
 * within c²/2 (fdlibm's {@code s_log1p.c} corrects the same way); for x &lt; 2⁻⁵³, u = 1 and the result
 * is x itself. log(u) as in fdlibm's {@code e_log.c}: u = 2ʲ·m with m in [√½, √2), f = m − 1,
 * s = f/(2 + f), and
 *
 * <pre>
 *   log(u) = j·ln2 + f − (f²/2 − s·(f²/2 + R(s²))),   R(z) = Σᵢ₌₁⁷ Lgᵢ·zⁱ
 * </pre>
 *
 * with fdlibm's minimax coefficients Lg₁ … Lg₇ ({@link #logCoefficient}); within two ulps of
 * fdlibm's {@code log1p} (tested).
 */
public final class Exponentials {
  /** ln2 rounded to 32 significant bits, so that k·LN2_HI is exact for |k| &lt; 2²⁰ (fdlibm's ln2_hi). */
  public static final double LN2_HI = 6.93147180369123816490e-01;
  /** ln2 − {@link #LN2_HI} (fdlibm's ln2_lo). */
  public static final double LN2_LO = 1.90821492927058770002e-10;
  /** log₂e. */
  public static final double LOG2E = 1.4426950408889634;
  /** log₂e / 2, exactly. */
  public static final double HALF_LOG2E = LOG2E / 2;
  /** 1.5·2⁵²: fma(x, c, SHIFTER) holds rint(x·c) in its low bits, for |x·c| &lt; 2⁵¹. */
  public static final double SHIFTER = 0x1.8p52;
  /** The bits of {@link #SHIFTER}. */
  public static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
  /** The arguments of exp are clamped to [−EXP_LIMIT, EXP_LIMIT]. */
  public static final double EXP_LIMIT = 1100;
  /** The degree of exp's Taylor polynomial. */
  public static final int EXP_DEGREE = 13;
  /**
   * Added to the bits of u &gt; 0 so that the exponent field of the sum is that of u·√2 rounded down,
   * j + 1023 with u/2ʲ in [√½, √2): the bits of 1 minus the bits of √½.
   */
  public static final long LOG_OFFSET = 0x3ff0000000000000L - 0x3fe6a09e667f3bcdL;
  /** The exponent bias of a double. */
  public static final long EXPONENT_BIAS = 1023;
  /** The width of a double's significand field. */
  public static final int SIGNIFICAND_BITS = 52;
  /** The number of minimax coefficients of log's R. */
  public static final int LOG_TERMS = 7;

  private static final double[] EXP_COEFFICIENTS = new double[EXP_DEGREE + 1];
  private static final double[] LOG_COEFFICIENTS = {
      6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01,
      1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01,
  };

  static {
    double factorial = 1;
    for (int n = 0; n <= EXP_DEGREE; n++) {
      factorial *= Math.max(n, 1);
      EXP_COEFFICIENTS[n] = 1 / factorial;
    }
  }

  private Exponentials() {}

  /** 1/n!, the coefficient of rⁿ in exp's polynomial, for n in [0, {@value #EXP_DEGREE}]. */
  public static double expCoefficient(int n) {
    return EXP_COEFFICIENTS[n];
  }

  /** fdlibm's Lgᵢ, the coefficient of zⁱ in log's R, for i in [1, {@value #LOG_TERMS}]. */
  public static double logCoefficient(int i) {
    return LOG_COEFFICIENTS[i - 1];
  }

  /** e^x by the algorithm above: within one ulp; 0 below about −745.13, +∞ above about 709.78; NaN for NaN. */
  public static double exp(double x) {
    double xc = Math.min(Math.max(x, -EXP_LIMIT), EXP_LIMIT);
    double t = Math.fma(xc, LOG2E, SHIFTER);
    double kf = t - SHIFTER;
    long k = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
    long k1 = Double.doubleToRawLongBits(Math.fma(xc, HALF_LOG2E, SHIFTER)) - SHIFTER_BITS;
    double r = Math.fma(-kf, LN2_HI, xc);
    r = Math.fma(-kf, LN2_LO, r);
    double p = EXP_COEFFICIENTS[EXP_DEGREE];
    for (int n = EXP_DEGREE - 1; n >= 0; n--) {
      p = Math.fma(p, r, EXP_COEFFICIENTS[n]);
    }
    return p * powerOfTwo(k1) * powerOfTwo(k - k1);
  }

  /**
   * log(1 + x) for finite x ≥ 0 by the algorithm above, without a branch: within two ulps; NaN for
   * +∞ and for NaN, and unspecified for x &lt; 0.
   */
  public static double log1p(double x) {
    double u = 1 + x;
    return log(u) + (x - (u - 1)) / u;
  }

  /** log(u) for finite u ≥ 1, fdlibm's algorithm without its special cases. */
  private static double log(double u) {
    long bits = Double.doubleToRawLongBits(u);
    long j = ((bits + LOG_OFFSET) >>> SIGNIFICAND_BITS) - EXPONENT_BIAS;
    double m = Double.longBitsToDouble(bits - (j << SIGNIFICAND_BITS));
    double f = m - 1;
    double s = f / (2 + f);
    double z = s * s;
    double r = LOG_COEFFICIENTS[LOG_TERMS - 1];
    for (int i = LOG_TERMS - 2; i >= 0; i--) {
      r = Math.fma(r, z, LOG_COEFFICIENTS[i]);
    }
    r *= z;
    double halfSquare = 0.5 * f * f;
    double jf = j;
    return Math.fma(jf, LN2_HI, f - (halfSquare - Math.fma(s, halfSquare + r, jf * LN2_LO)));
  }

  /** 2ᵏ for k in [−1022, 1023], from its bits. */
  private static double powerOfTwo(long k) {
    return Double.longBitsToDouble((k + EXPONENT_BIAS) << SIGNIFICAND_BITS);
  }
}
