package dev.descent.train;

/**
 * Hooks into the training loop. {@link #beforeStep} runs after the gradients of an update are
 * computed and before the optimizer applies them (gradient clipping and diagnostics go here);
 * {@link #onUpdateEnd} after each update; {@link #onEpochEnd} after each epoch's history row is
 * recorded. A callback stops training with {@link TrainingProgress#requestStop}.
 *
 * <p>A callback that carries state from one update to the next (a best loss, a schedule's
 * position) exposes it through {@link #state} and takes it back through {@link #restore}, so a
 * checkpoint resumes the run exactly.
 */
public interface TrainingCallback {

  /** After the gradients are computed, before the optimizer steps. */
  default void beforeStep(TrainingProgress progress) {}

  /** After each update. */
  default void onUpdateEnd(TrainingProgress progress) {}

  /** After each epoch. */
  default void onEpochEnd(TrainingProgress progress) {}

  /** The state this callback carries between updates, as named arrays; empty when it has none. */
  default java.util.Map<String, double[]> state() {
    return java.util.Map.of();
  }

  /** Reinstates a state taken by {@link #state}. */
  default void restore(java.util.Map<String, double[]> state) {}
}
