package dev.descent.train;

import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizer;

/**
 * The training loop's state as callbacks see it: counters, the last loss, the history so far, the
 * model and optimizer, and a way to stop. Valid only during the callback. Not thread-safe.
 */
public final class TrainingProgress {
  private final Sequential model;
  private final Optimizer optimizer;
  private final History history;
  int epoch;
  long update;
  double lastLoss;
  String stopReason;

  TrainingProgress(Sequential model, Optimizer optimizer, History history) {
    this.model = model;
    this.optimizer = optimizer;
    this.history = history;
  }

  /** The current epoch, counting from 1. */
  public int epoch() {
    return epoch;
  }

  /** Updates completed so far (during {@link TrainingCallback#beforeStep}, the update about to happen is not counted). */
  public long update() {
    return update;
  }

  /** The objective of the most recent batch. */
  public double lastLoss() {
    return lastLoss;
  }

  /** The history so far. */
  public History history() {
    return history;
  }

  /** The model being trained. */
  public Sequential model() {
    return model;
  }

  /** The optimizer. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Stops training after the current callback; {@code reason} is kept in the history. */
  public void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }
}
