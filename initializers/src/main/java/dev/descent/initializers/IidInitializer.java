package dev.descent.initializers;

import dev.descent.init.Fans;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A scheme that fills every element independently from one distribution, which may depend on the
 * weight's fans: a scheme only says which distribution, and filling (chunked, parallel,
 * reproducible) is shared. Implementations are immutable records and thread-safe.
 */
public interface IidInitializer extends PredictableInitializer {

  /** The distribution every element is drawn from, for a weight with {@code fans}. */
  Samplable distribution(Fans fans);

  @Override
  default Distribution distribution(Shape shape, Fans fans) {
    return distribution(fans);
  }

  @Override
  default void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    distribution(fans).fill(tensor, random);
  }
}
