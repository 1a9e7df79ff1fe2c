package dev.descent.init;

import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * An initialization scheme: fills a weight or bias tensor with its starting values.
 *
 * <p>Every random draw comes from the generator the caller passes, so the same seed gives the same
 * values. Implementations are immutable configurations (usually records built by an {@link
 * InitializerProvider}) and thread-safe; the formula and its source belong in the implementation's
 * Javadoc and in its provider's description.
 */
public interface Initializer {

  /** Fills {@code tensor} for a layer whose weight has the given {@code fans}. */
  void fill(Tensor tensor, Fans fans, RandomGenerator random);

  /** The spec that rebuilds this initializer, such as {@code random_normal(mean=0, stddev=10)}. */
  String spec();

  /**
   * The scheme to use for a weight that feeds the activation called {@code activation} (such as
   * {@code relu}, or {@code linear} when none follows). Most schemes return themselves; adaptive
   * ones such as {@code auto} return the scheme suited to that activation.
   */
  default Initializer forActivation(String activation) {
    return this;
  }
}
