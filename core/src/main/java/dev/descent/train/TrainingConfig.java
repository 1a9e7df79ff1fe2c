package dev.descent.train;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import java.util.List;

/**
 * How to train: the gradient-descent variant, how long (a number of epochs, or a number of updates
 * whatever the epochs), the seed of the per-epoch shuffles, and callbacks.
 *
 * @param variant batch, stochastic or mini-batch descent
 * @param epochs epochs to run, or 0 when {@code updates} decides
 * @param updates updates to run, or 0 when {@code epochs} decides
 * @param seed the seed of the shuffling generator
 * @param callbacks hooks run in order
 * @param nonFinite what to do with a batch whose objective or gradient is not finite
 */
public record TrainingConfig(GradientDescent variant, int epochs, long updates, long seed,
    ImmutableList<TrainingCallback> callbacks, NonFinitePolicy nonFinite) {

  public TrainingConfig {
    if ((epochs > 0) == (updates > 0) || epochs < 0 || updates < 0) {
      throw new DescentException(String.format(
          "training needs exactly one of epochs or updates ≥ 1, got epochs=%d, updates=%d", epochs, updates));
    }
    java.util.Objects.requireNonNull(nonFinite, "nonFinite");
  }

  /** A configuration that stops on a non-finite objective or gradient. */
  public TrainingConfig(GradientDescent variant, int epochs, long updates, long seed, ImmutableList<TrainingCallback> callbacks) {
    this(variant, epochs, updates, seed, callbacks, NonFinitePolicy.STOP);
  }

  /** Train for {@code epochs} epochs. */
  public static TrainingConfig epochs(GradientDescent variant, int epochs, long seed, TrainingCallback... callbacks) {
    return new TrainingConfig(variant, epochs, 0, seed, ImmutableList.copyOf(callbacks));
  }

  /** Train for {@code updates} updates. */
  public static TrainingConfig updates(GradientDescent variant, long updates, long seed, TrainingCallback... callbacks) {
    return new TrainingConfig(variant, 0, updates, seed, ImmutableList.copyOf(callbacks));
  }

  /** This configuration with {@code more} callbacks appended. */
  public TrainingConfig withCallbacks(List<TrainingCallback> more) {
    return new TrainingConfig(variant, epochs, updates, seed,
        ImmutableList.<TrainingCallback>builder().addAll(callbacks).addAll(more).build(), nonFinite);
  }

  /** This configuration with {@code policy} for non-finite objectives and gradients. */
  public TrainingConfig withNonFinite(NonFinitePolicy policy) {
    return new TrainingConfig(variant, epochs, updates, seed, callbacks, policy);
  }
}
