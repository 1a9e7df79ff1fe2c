package dev.descent.initializers;

import dev.descent.init.Fans;
import dev.descent.initializers.distribution.PointMass;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.spec.Arguments;

/**
 * Every element equal to {@code value}: Keras's {@code Zeros}, {@code Ones} and {@code
 * Constant(value)}, PyTorch's {@code zeros_}, {@code ones_} and {@code constant_(val)}. Draws
 * nothing from the generator. Immutable and thread-safe.
 *
 * @param value the value, finite
 */
public record Constant(double value) implements IidInitializer {

  public Constant {
    Arguments.finite("constant", "value", value);
  }

  @Override
  public Samplable distribution(Fans fans) {
    return new PointMass(value);
  }

  @Override
  public String spec() {
    return value == 0 ? "zeros" : value == 1 ? "ones" : SpecFormat.of("constant", "value", value);
  }
}
