package dev.descent.optimizers.schedule;

import dev.descent.DescentException;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import dev.descent.train.TrainingState;
import java.util.Map;

/**
 * Applies a {@link LearningRateSchedule} to the trainer's optimizer: before the first update it
 * starts a run from the optimizer's current learning rate and sets the rate for step 0; after
 * every epoch or update (the schedule's {@link Interval}) it advances the run and sets the new
 * rate with {@link dev.descent.optim.Optimizer#setLearningRate}. Metric-driven schedules receive
 * the training loss (the batch's per update, the epoch's mean per epoch) or the held-out loss.
 *
 * <p>One callback per training run; {@link #run()} exposes the run, and {@link #state()} /
 * {@link #restore} carry it (the base rate and the schedule's counters) through checkpoints. Not
 * thread-safe.
 */
public final class ScheduleCallback implements TrainingCallback {
  private final LearningRateSchedule schedule;
  private final boolean testLoss;
  private ScheduleState state;
  private double baseRate;

  /** A callback driving the optimizer's rate with {@code schedule}. */
  public ScheduleCallback(LearningRateSchedule schedule) {
    this.schedule = schedule;
    this.testLoss = schedule instanceof ReduceOnPlateau p && p.monitor().equals("test_loss");
  }

  /** The schedule. */
  public LearningRateSchedule schedule() {
    return schedule;
  }

  /** The run, or {@code null} before the first update. */
  public ScheduleState run() {
    return state;
  }

  /** Resumes from a snapshot of a run started at {@code baseRate}, as a restored training run does. */
  public void resume(double baseRate, double[] snapshot) {
    this.baseRate = baseRate;
    state = schedule.start(baseRate);
    state.restore(snapshot);
  }

  /** {@code base_rate} and {@code counters} once started; empty before the first update. */
  @Override
  public Map<String, double[]> state() {
    return state == null ? Map.of() : Map.of("base_rate", new double[] {baseRate}, "counters", state.snapshot());
  }

  @Override
  public void restore(Map<String, double[]> saved) {
    if (saved.isEmpty()) {
      state = null;
      return;
    }
    double[] counters = saved.get("counters");
    if (counters == null) {
      throw new DescentException(schedule.spec() + ": the saved schedule state lacks its counters");
    }
    resume(TrainingState.scalar(saved, "base_rate", schedule.spec()), counters);
  }

  @Override
  public void beforeStep(TrainingProgress progress) {
    if (state == null) {
      baseRate = progress.optimizer().learningRate();
      state = schedule.start(baseRate);
      progress.optimizer().setLearningRate(state.rate());
    }
  }

  @Override
  public void onUpdateEnd(TrainingProgress progress) {
    if (schedule.interval() == Interval.UPDATE) {
      advance(progress, progress.lastLoss());
    }
  }

  @Override
  public void onEpochEnd(TrainingProgress progress) {
    if (schedule.interval() == Interval.EPOCH) {
      double metric = testLoss ? progress.history().testLoss().last() : progress.history().epochLoss().last();
      if (schedule.monitored() && Double.isNaN(metric)) {
        throw new DescentException(schedule.spec() + ": the monitored "
            + (testLoss ? "test_loss needs a test set" : "loss is not available"));
      }
      advance(progress, metric);
    }
  }

  private void advance(TrainingProgress progress, double metric) {
    if (state == null) {
      return;
    }
    state.advance(metric);
    progress.optimizer().setLearningRate(state.rate());
  }
}
