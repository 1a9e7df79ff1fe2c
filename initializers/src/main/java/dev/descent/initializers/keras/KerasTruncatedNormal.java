package dev.descent.initializers.keras;

import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.PointMass;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.initializers.distribution.TruncatedNormal;
import dev.descent.spec.Arguments;

/**
 * Keras's {@code TruncatedNormal(mean=0.0, stddev=0.05)}: N(mean, stddev²) with values more than
 * two standard deviations from the mean discarded and redrawn (Keras 3 documentation,
 * keras.initializers.TruncatedNormal). {@code stddev} is the underlying normal's, not corrected: the
 * values' standard deviation is about 0.88·stddev. Immutable and thread-safe.
 *
 * @param mean the mean, finite
 * @param stddev the underlying normal's standard deviation, ≥ 0
 */
public record KerasTruncatedNormal(double mean, double stddev) implements IidInitializer {

  public KerasTruncatedNormal {
    Arguments.finite("truncated_normal", "mean", mean);
    Arguments.atLeast("truncated_normal", "stddev", stddev, 0);
  }

  @Override
  public Samplable distribution(Fans fans) {
    return stddev == 0 ? new PointMass(mean) : TruncatedNormal.twoSigma(mean, stddev);
  }

  @Override
  public String spec() {
    return SpecFormat.of("truncated_normal", "mean", mean, "stddev", stddev);
  }
}
