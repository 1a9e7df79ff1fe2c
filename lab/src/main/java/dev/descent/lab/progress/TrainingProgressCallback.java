package dev.descent.lab.progress;

import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import java.util.Locale;

/**
 * Connects a training run to a {@link ProgressTask}: one unit per update, and after each update
 * the extra message "epoch e/E, loss ℓ" (ℓ the mean of the epoch's batch losses so far). Not
 * thread-safe.
 */
public final class TrainingProgressCallback implements TrainingCallback {
  private final ProgressTask task;
  private final int epochs;
  private int epoch;
  private double lossSum;
  private long count;

  /** Reports to {@code task}; {@code epochs} is the planned number (0 when training by updates). */
  public TrainingProgressCallback(ProgressTask task, int epochs) {
    this.task = task;
    this.epochs = epochs;
  }

  @Override
  public void onUpdateEnd(TrainingProgress progress) {
    if (progress.epoch() != epoch) {
      epoch = progress.epoch();
      lossSum = 0;
      count = 0;
    }
    lossSum += progress.lastLoss();
    count++;
    task.message(String.format(Locale.ROOT, "epoch %d%s, loss %.4f", epoch, epochs > 0 ? "/" + epochs : "", lossSum / count));
    task.advance(1);
  }
}
