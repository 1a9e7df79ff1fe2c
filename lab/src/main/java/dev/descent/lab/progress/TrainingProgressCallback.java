package dev.descent.lab.progress;

import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Connects a training run to a {@link ProgressTask}: one unit per update, and the extra message
 * "epoch e/E, loss ℓ" (ℓ the mean of the epoch's batch losses so far). The message is written at
 * most once every {@value #REFRESH_MILLIS} ms, a little more often than a bar or a log line shows
 * it, and at the end of every epoch, so that a run of small updates does not format a string per
 * update. Not thread-safe.
 */
public final class TrainingProgressCallback implements TrainingCallback {
  /** The shortest time between two messages, in milliseconds. */
  static final long REFRESH_MILLIS = 50;

  private final ProgressTask task;
  private final int epochs;
  private final LongSupplier clock;
  private int epoch;
  private double lossSum;
  private long count;
  private boolean written;
  private long lastWritten;

  /** Reports to {@code task}; {@code epochs} is the planned number (0 when training by updates). */
  public TrainingProgressCallback(ProgressTask task, int epochs) {
    this(task, epochs, System::nanoTime);
  }

  /** As {@link #TrainingProgressCallback(ProgressTask, int)}, timed by {@code clock} (nanoseconds). */
  TrainingProgressCallback(ProgressTask task, int epochs, LongSupplier clock) {
    this.task = task;
    this.epochs = epochs;
    this.clock = clock;
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
    long now = clock.getAsLong();
    if (!written || now - lastWritten >= REFRESH_MILLIS * 1_000_000L) {
      write(now);
    }
    task.advance(1);
  }

  @Override
  public void onEpochEnd(TrainingProgress progress) {
    write(clock.getAsLong());
  }

  private void write(long now) {
    task.message(String.format(Locale.ROOT, "epoch %d%s, loss %.4f", epoch, epochs > 0 ? "/" + epochs : "", lossSum / count));
    written = true;
    lastWritten = now;
  }
}
