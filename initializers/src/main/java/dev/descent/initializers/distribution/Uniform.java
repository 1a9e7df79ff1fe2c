package dev.descent.initializers.distribution;

import com.google.common.base.Preconditions;
import dev.descent.initializers.sampling.Rng;

/**
 * The continuous uniform distribution U(low, high): density 1/(high − low), mean (low + high)/2,
 * standard deviation (high − low)/√12. Draws are low + (high − low)·u with u uniform in [0, 1)
 * on 53 bits. Immutable and thread-safe.
 *
 * @param low the lower bound, finite
 * @param high the upper bound, finite and &gt; low
 */
public record Uniform(double low, double high) implements Samplable {

  public Uniform {
    Preconditions.checkArgument(Double.isFinite(low) && Double.isFinite(high) && low < high,
        "need finite low < high, got [%s, %s]", low, high);
  }

  /** U(−limit, limit). */
  public static Uniform symmetric(double limit) {
    return new Uniform(-limit, limit);
  }

  @Override
  public double mean() {
    return 0.5 * (low + high);
  }

  @Override
  public double std() {
    return (high - low) / Math.sqrt(12);
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
    return x < low || x > high ? 0 : 1 / (high - low);
  }

  @Override
  public double cdf(double x) {
    return x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low);
  }

  @Override
  public String describe() {
    return "U(" + Format.num(low) + ", " + Format.num(high) + ")";
  }

  @Override
  public void sample(double[] out, int from, int to, Rng rng) {
    rng.fillUniform(out, from, to, low, high - low);
  }
}
