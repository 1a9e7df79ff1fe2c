package dev.descent.initializers.distribution;

import dev.descent.initializers.sampling.Rng;
import dev.descent.tensor.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The distribution that is {@code value} with probability one: constant initializers. Filling
 * draws nothing from the generator. Immutable and thread-safe.
 *
 * @param value the value, finite
 */
public record PointMass(double value) implements Samplable {

  public PointMass {
    com.google.common.base.Preconditions.checkArgument(Double.isFinite(value), "value must be finite, got %s", value);
  }

  @Override
  public double mean() {
    return value;
  }

  @Override
  public double std() {
    return 0;
  }

  @Override
  public double min() {
    return value;
  }

  @Override
  public double max() {
    return value;
  }

  @Override
  public double density(double x) {
    return 0;
  }

  @Override
  public double cdf(double x) {
    return x >= value ? 1 : 0;
  }

  @Override
  public List<Atom> atoms() {
    return List.of(new Atom(value, 1));
  }

  @Override
  public String describe() {
    return "constant " + Format.num(value);
  }

  @Override
  public void sample(double[] out, int from, int to, Rng rng) {
    java.util.Arrays.fill(out, from, to, value);
  }

  @Override
  public void fill(Tensor tensor, RandomGenerator random) {
    tensor.fill(value);
  }
}
