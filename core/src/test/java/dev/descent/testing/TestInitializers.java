package dev.descent.testing;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.tensor.Tensor;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Tiny initializers for tests, so core's tests need not depend on the {@code initializers} module.
 */
public final class TestInitializers {
  private TestInitializers() {}

  /** N(0, stddev²) drawn from the generator the layer is built with. */
  public static Initializer normal(double stddev) {
    return new Normal(stddev);
  }

  /** Every entry zero. */
  public static Initializer zeros() {
    return constant(0);
  }

  /** Every entry {@code value}. */
  public static Initializer constant(double value) {
    return new Constant(value);
  }

  /** Exactly {@code values}, in row-major order; fails when the count does not match the tensor. */
  public static Initializer values(double... values) {
    return new Values(values.clone());
  }

  record Normal(double stddev) implements Initializer {
    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      for (int i = 0; i < tensor.size(); i++) {
        tensor.set(i, stddev * random.nextGaussian());
      }
    }

    @Override
    public String spec() {
      return "test_normal(stddev=" + stddev + ")";
    }
  }

  record Constant(double value) implements Initializer {
    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      tensor.fill(value);
    }

    @Override
    public String spec() {
      return "test_constant(value=" + value + ")";
    }
  }

  record Values(double[] values) implements Initializer {
    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      if (tensor.size() != values.length) {
        throw new IllegalArgumentException(values.length + " values for a tensor of shape " + tensor.shape());
      }
      for (int i = 0; i < values.length; i++) {
        tensor.set(i, values[i]);
      }
    }

    @Override
    public String spec() {
      return "test_values(" + Arrays.toString(values) + ")";
    }
  }
}
