package dev.descent.initializers.keras;

import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Normal;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.spec.Arguments;

/**
 * Keras's {@code RandomNormal(mean=0.0, stddev=0.05)}: every element drawn from N(mean, stddev²),
 * untruncated (Keras 3 documentation, keras.initializers.RandomNormal). Immutable and thread-safe.
 *
 * @param mean the mean, finite
 * @param stddev the standard deviation, ≥ 0
 */
public record RandomNormal(double mean, double stddev) implements IidInitializer {
  /** Keras's default standard deviation. */
  public static final double DEFAULT_STDDEV = 0.05;

  public RandomNormal {
    Arguments.finite("random_normal", "mean", mean);
    Arguments.atLeast("random_normal", "stddev", stddev, 0);
  }

  @Override
  public Samplable distribution(Fans fans) {
    return Normal.of(mean, stddev);
  }

  @Override
  public String spec() {
    return SpecFormat.of("random_normal", "mean", mean, "stddev", stddev);
  }
}
