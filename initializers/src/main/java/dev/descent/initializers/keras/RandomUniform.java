package dev.descent.initializers.keras;

import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.initializers.distribution.Uniform;
import dev.descent.spec.Arguments;

/**
 * Keras's {@code RandomUniform(minval=-0.05, maxval=0.05)}: every element drawn from
 * U(minval, maxval) (Keras 3 documentation, keras.initializers.RandomUniform). Immutable and
 * thread-safe.
 *
 * @param minval the lower bound, finite
 * @param maxval the upper bound, finite and &gt; minval
 */
public record RandomUniform(double minval, double maxval) implements IidInitializer {
  /** Keras's default bounds, ±0.05. */
  public static final double DEFAULT_LIMIT = 0.05;

  public RandomUniform {
    Arguments.finite("random_uniform", "minval", minval);
    Arguments.finite("random_uniform", "maxval", maxval);
    if (!(maxval > minval)) {
      throw Arguments.rangeError("random_uniform", "maxval", maxval, "> minval (" + SpecFormat.number(minval) + ")");
    }
  }

  @Override
  public Samplable distribution(Fans fans) {
    return new Uniform(minval, maxval);
  }

  @Override
  public String spec() {
    return SpecFormat.of("random_uniform", "minval", minval, "maxval", maxval);
  }
}
