package dev.descent.initializers;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.tensor.Shape;

/**
 * An initializer that can say, before filling anything, how one element of the tensor it fills is
 * distributed: its mean, standard deviation, bounds, density and distribution function. {@code
 * descent init} prints these next to the measured values and draws the density over the
 * histogram; the statistical tests compare fills against them.
 *
 * <p>Every scheme in this module implements it; third-party schemes may. Implementations are
 * immutable and thread-safe.
 */
public interface PredictableInitializer extends Initializer {

  /**
   * The distribution of one element of a tensor of {@code shape} filled for a weight with {@code
   * fans}. For schemes whose elements are not independent (orthogonal, identity, sparse) this is
   * the marginal distribution of an element chosen uniformly at random.
   */
  Distribution distribution(Shape shape, Fans fans);

  /** The predicted distribution of {@code initializer}'s elements, if it can predict one. */
  static java.util.Optional<Distribution> of(Initializer initializer, Shape shape, Fans fans) {
    return initializer instanceof PredictableInitializer p
        ? java.util.Optional.of(p.distribution(shape, fans))
        : java.util.Optional.empty();
  }
}
