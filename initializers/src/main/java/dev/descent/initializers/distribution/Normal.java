package dev.descent.initializers.distribution;

import com.google.common.base.Preconditions;
import dev.descent.initializers.sampling.Rng;
import dev.descent.initializers.sampling.Ziggurat;

/**
 * The normal distribution N(μ, σ²), sampled with the {@link Ziggurat}. Immutable and thread-safe.
 *
 * @param mean μ
 * @param std σ, finite and &gt; 0 (use {@link #of} to allow σ = 0, a point mass)
 */
public record Normal(double mean, double std) implements Samplable {

  public Normal {
    Preconditions.checkArgument(Double.isFinite(mean), "mean must be finite, got %s", mean);
    Preconditions.checkArgument(std > 0 && Double.isFinite(std), "std must be finite and > 0, got %s", std);
  }

  /** N(mean, std²), or the point mass at {@code mean} when {@code std} is 0. */
  public static Samplable of(double mean, double std) {
    return std == 0 ? new PointMass(mean) : new Normal(mean, std);
  }

  @Override
  public double min() {
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double max() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public double density(double x) {
    return NormalMath.pdf((x - mean) / std) / std;
  }

  @Override
  public double cdf(double x) {
    return NormalMath.cdf((x - mean) / std);
  }

  @Override
  public String describe() {
    return "N(" + Format.num(mean) + ", " + Format.num(std) + "²)";
  }

  @Override
  public void sample(double[] out, int from, int to, Rng rng) {
    Ziggurat.STANDARD.fill(out, from, to, rng, mean, std);
  }
}
