package dev.descent.optim;

import dev.descent.nn.Parameter;
import java.util.List;

/**
 * An update rule: moves every parameter using its gradient, θ ← update(θ, ∇θ, state).
 *
 * <p>An optimizer holds an immutable configuration (its hyperparameters, a record built by its
 * {@link OptimizerProvider}) and mutable per-parameter state keyed by parameter name, created on
 * the first {@link #step}. {@link #state()} snapshots that state and {@link #restore} reinstates
 * it, so a restored run continues bit for bit. The learning rate can be changed between steps by
 * a schedule. Not thread-safe: one optimizer serves one training loop.
 */
public interface Optimizer {

  /** Applies one update to each of {@code parameters} from its current gradient. */
  void step(List<Parameter> parameters);

  /** The learning rate the next step uses. */
  double learningRate();

  /** Sets the learning rate for the following steps (used by schedules). */
  void setLearningRate(double learningRate);

  /** The spec that rebuilds this optimizer with its configured hyperparameters. */
  String spec();

  /** A deep copy of the per-parameter state and counters. */
  OptimizerState state();

  /** Replaces the state with a copy of {@code state}, as taken by {@link #state()}. */
  void restore(OptimizerState state);
}
