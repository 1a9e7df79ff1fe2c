package dev.descent.optimizers.schedule;

/**
 * A schedule whose rate is a function of the number of steps taken and the base rate alone
 * (PyTorch's {@code _get_closed_form_lr}), so a run only counts steps. Implementations are
 * immutable and thread-safe.
 */
public interface ClosedFormSchedule extends LearningRateSchedule {

  /** The rate after {@code step} ≥ 0 steps, for base rate {@code base}. */
  double rate(long step, double base);

  @Override
  default ScheduleState start(double baseRate) {
    return new Counting(this, baseRate);
  }

  /** A run of a closed-form schedule: a step counter. Not thread-safe. */
  final class Counting implements ScheduleState {
    private final ClosedFormSchedule schedule;
    private final double base;
    private long step;

    Counting(ClosedFormSchedule schedule, double base) {
      this.schedule = schedule;
      this.base = base;
    }

    @Override
    public double rate() {
      return schedule.rate(step, base);
    }

    @Override
    public void advance(double metric) {
      step++;
    }

    @Override
    public double[] snapshot() {
      return new double[] {step};
    }

    @Override
    public void restore(double[] snapshot) {
      step = (long) snapshot[0];
    }
  }
}
