package dev.descent.optimizers.schedule;

/**
 * The mutable progress of one {@link LearningRateSchedule} run: the current rate, how to advance
 * it by one step, and a snapshot of its counters for checkpoints. Not thread-safe.
 */
public interface ScheduleState {

  /** The learning rate for the coming updates. */
  double rate();

  /**
   * Advances one step (an epoch or an update, as the schedule's {@link Interval} says).
   *
   * @param metric the monitored value for metric-driven schedules (reduce-on-plateau); NaN when none
   */
  void advance(double metric);

  /** The counters, enough for {@link #restore} to continue exactly. */
  double[] snapshot();

  /** Reinstates counters taken by {@link #snapshot}. */
  void restore(double[] snapshot);
}
