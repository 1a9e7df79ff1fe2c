package dev.descent.train;

import dev.descent.DescentException;

/**
 * Training produced a NaN or infinite objective; the message names the update, the epoch and
 * where the non-finite values first appear.
 */
public final class TrainingDivergedException extends DescentException {
  private final long update;
  private final transient History history;

  TrainingDivergedException(String message, long update, History history) {
    super(message);
    this.update = update;
    this.history = history;
  }

  /** What was recorded before training diverged. */
  public History history() {
    return history;
  }

  /** The update (counting from 1) whose objective was not finite. */
  public long update() {
    return update;
  }
}
