package dev.descent.train;

/**
 * Hooks into the training loop. {@link #beforeStep} runs after the gradients of an update are
 * computed and before the optimizer applies them (gradient clipping and diagnostics go here);
 * {@link #onUpdateEnd} after each update; {@link #onEpochEnd} after each epoch's history row is
 * recorded. A callback stops training with {@link TrainingProgress#requestStop}.
 */
public interface TrainingCallback {

  /** After the gradients are computed, before the optimizer steps. */
  default void beforeStep(TrainingProgress progress) {}

  /** After each update. */
  default void onUpdateEnd(TrainingProgress progress) {}

  /** After each epoch. */
  default void onEpochEnd(TrainingProgress progress) {}
}
