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
  private final TrainingRun run;

  TrainingProgress(Sequential model, Optimizer optimizer, History history, TrainingRun run) {
    this.model = model;
    this.optimizer = optimizer;
    this.history = history;
    this.run = run;
  }

  /**
   * Where the run stands, for a checkpoint: taken in {@link TrainingCallback#onUpdateEnd} or
   * {@link TrainingCallback#onEpochEnd}, together with the model's weights and the optimizer's
   * state at that moment, it resumes the run exactly.
   */
  public TrainingState state() {
    return run.state();
  }

  /** Batches skipped so far because of non-finite values ({@link NonFinitePolicy#SKIP}). */
  public long skipped() {
    return run.skipped;
  }

  /** The current epoch, counting from 1. */
  public int epoch() {
    return run.epoch;
  }

  /** Updates completed so far (during {@link TrainingCallback#beforeStep}, the update about to happen is not counted). */
  public long update() {
    return run.update;
  }

  /** The objective of the most recent batch. */
  public double lastLoss() {
    return run.lastLoss;
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
    if (run.stopReason == null) {
      run.stopReason = reason;
    }
  }
}
