package dev.descent.optimizers.schedule;

/**
 * A learning-rate schedule attachable to any optimizer, built from a spec such as
 * {@code cosine(t_max=100)} or {@code step(step_size=30, gamma=0.1)}: an immutable configuration
 * that starts runs ({@link ScheduleState}) from a base rate, normally the optimizer's configured
 * learning rate.
 *
 * <p>As with PyTorch's {@code lr_scheduler}, the rate at step 0 is applied before the first update
 * and the schedule advances after every epoch or every update ({@link #interval}). Attach one to
 * training with {@link ScheduleCallback}. Implementations are immutable and thread-safe.
 */
public interface LearningRateSchedule {

  /** The spec that rebuilds this schedule. */
  String spec();

  /** When the schedule advances. */
  Interval interval();

  /** A new run starting from {@code baseRate}. */
  ScheduleState start(double baseRate);

  /** Whether {@link ScheduleState#advance} needs a monitored metric. */
  default boolean monitored() {
    return false;
  }
}
