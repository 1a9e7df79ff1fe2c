package dev.descent.train;

import dev.descent.DescentException;

/**
 * Training produced a NaN or infinite objective; the message names the update, the epoch and
 * where the non-finite values first appear.
 */
public final class TrainingDivergedException extends DescentException {
  private final long update;

  TrainingDivergedException(String message, long update) {
    super(message);
    this.update = update;
  }

  /** The update (counting from 1) whose objective was not finite. */
  public long update() {
    return update;
  }
}
