package dev.descent.initializers.distribution;

import com.google.common.base.Preconditions;
import dev.descent.initializers.sampling.Rng;
import dev.descent.initializers.sampling.Ziggurat;

/**
 * The normal distribution N(μ, σ²) conditioned on [low, high]: density φ((x − μ)/σ)/(σ·Z) on the
 * interval, where Z = Φ(β) − Φ(α), α = (low − μ)/σ, β = (high − μ)/σ. Its mean is μ + σ·(φ(α) −
 * φ(β))/Z and its variance σ²·[1 + (α·φ(α) − β·φ(β))/Z − ((φ(α) − φ(β))/Z)²] (Johnson, Kotz and
 * Balakrishnan, Continuous Univariate Distributions 1, §10.1).
 *
 * <p>Sampling is exact. An interval symmetric about μ (Keras's μ ± 2σ) is sampled with a ziggurat
 * built for the truncated density ({@link Ziggurat#fillTruncated}), which draws nothing beyond the
 * bounds and runs as fast as the plain normal. Another interval holding at least half of the
 * normal's mass is sampled by redrawing normal draws that fall outside (Keras's "discarded and
 * re-drawn"). A narrower one maps a uniform draw in [Φ(α), Φ(β)] through Φ⁻¹ (PyTorch's {@code
 * trunc_normal_} method), on whichever side of the mean keeps precision, clamped to the interval.
 * Immutable and thread-safe.
 *
 * @param mu the mean μ of the underlying normal
 * @param sigma the standard deviation σ &gt; 0 of the underlying normal
 * @param low the lower bound (may be −∞)
 * @param high the upper bound, &gt; low (may be +∞)
 */
public record TruncatedNormal(double mu, double sigma, double low, double high) implements Samplable {

  /** The fraction of the normal's mass from which rejection sampling is used. */
  private static final double REJECTION_MASS = 0.5;

  public TruncatedNormal {
    Preconditions.checkArgument(Double.isFinite(mu), "mu must be finite, got %s", mu);
    Preconditions.checkArgument(sigma > 0 && Double.isFinite(sigma), "sigma must be finite and > 0, got %s", sigma);
    Preconditions.checkArgument(low < high, "low must be < high, got [%s, %s]", low, high);
    Preconditions.checkArgument(massOf((low - mu) / sigma, (high - mu) / sigma) > 0,
        "[%s, %s] holds no probability mass of N(%s, %s²)", low, high, mu, sigma);
  }

  /** Keras's truncated normal: N(mean, stddev²) redrawn outside mean ± 2·stddev. */
  public static TruncatedNormal twoSigma(double mean, double stddev) {
    return new TruncatedNormal(mean, stddev, mean - 2 * stddev, mean + 2 * stddev);
  }

  private double alpha() {
    return (low - mu) / sigma;
  }

  private double beta() {
    return (high - mu) / sigma;
  }

  /** Z = Φ(β) − Φ(α), computed on the side of the mean that keeps precision. */
  public double mass() {
    return massOf(alpha(), beta());
  }

  private static double massOf(double a, double b) {
    if (a >= 0) {
      return NormalMath.survival(a) - NormalMath.survival(b);
    }
    if (b <= 0) {
      return NormalMath.cdf(b) - NormalMath.cdf(a);
    }
    return 1 - NormalMath.cdf(a) - NormalMath.survival(b);
  }

  @Override
  public double mean() {
    return mu + sigma * (NormalMath.pdf(alpha()) - NormalMath.pdf(beta())) / mass();
  }

  @Override
  public double std() {
    double z = mass();
    double a = alpha();
    double b = beta();
    double shift = (NormalMath.pdf(a) - NormalMath.pdf(b)) / z;
    double v = 1 + (NormalMath.xPdf(a) - NormalMath.xPdf(b)) / z - shift * shift;
    return sigma * Math.sqrt(Math.max(0, v));
  }

  @Override
  public double min() {
    return low;
  }

  @Override
  public double max() {
    return high;
  }

  @Override
  public double density(double x) {
    if (x < low || x > high) {
      return 0;
    }
    return NormalMath.pdf((x - mu) / sigma) / (sigma * mass());
  }

  @Override
  public double cdf(double x) {
    if (x <= low) {
      return 0;
    }
    if (x >= high) {
      return 1;
    }
    return massOf(alpha(), (x - mu) / sigma) / mass();
  }

  @Override
  public String describe() {
    return "N(" + Format.num(mu) + ", " + Format.num(sigma) + "²) truncated to ["
        + Format.num(low) + ", " + Format.num(high) + "]";
  }

  @Override
  public void sample(double[] out, int from, int to, Rng rng) {
    double a = alpha();
    double b = beta();
    if (Math.abs(a + b) <= 1e-9 * b) {
      Ziggurat.fillTruncated(out, from, to, rng, mu, sigma, Math.min(-a, b));
      return;
    }
    if (massOf(a, b) >= REJECTION_MASS) {
      for (int i = from; i < to; i++) {
        double z;
        do {
          z = Ziggurat.STANDARD.next(rng);
        } while (z < a || z > b);
        out[i] = mu + sigma * z;
      }
      return;
    }
    boolean upper = a >= 0;
    double p0 = upper ? NormalMath.survival(b) : NormalMath.cdf(a);
    double p1 = upper ? NormalMath.survival(a) : NormalMath.cdf(b);
    for (int i = from; i < to; i++) {
      double p = p0 + (p1 - p0) * rng.nextDouble();
      double z = NormalMath.quantileFast(p);
      z = upper ? -z : z;
      out[i] = mu + sigma * Math.min(b, Math.max(a, z));
    }
  }
}
