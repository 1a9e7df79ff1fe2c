package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * PyTorch's {@code LinearLR}: the factor moves linearly from start_factor to end_factor over
 * total_iters steps, then stays: ηₜ = η₀·(s + (e − s)·min(t, T)/T).
 *
 * @param startFactor s in (0, 1]
 * @param endFactor e in [0, 1]
 * @param totalIters T ≥ 1
 * @param interval when it advances
 */
public record LinearSchedule(double startFactor, double endFactor, int totalIters, Interval interval)
    implements ClosedFormSchedule {
  static final String NAME = "linear";

  public LinearSchedule {
    if (!(startFactor > 0 && startFactor <= 1)) {
      throw Arguments.rangeError(NAME, "start_factor", startFactor, "in (0, 1]");
    }
    Arguments.inClosed(NAME, "end_factor", endFactor, 0, 1);
    Arguments.atLeast(NAME, "total_iters", totalIters, 1);
  }

  @Override
  public double rate(long step, double base) {
    return base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, step) / totalIters);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("start_factor", startFactor).add("end_factor", endFactor)
        .add("total_iters", totalIters).add("interval", interval.label()).toString();
  }

  /** The provider of {@code linear}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of(), "factor moving linearly from start_factor to end_factor over total_iters steps (PyTorch LinearLR)",
          List.of(ParamSpec.number("start_factor", 1.0 / 3, "factor at step 0, in (0, 1]"),
              ParamSpec.number("end_factor", 1.0, "factor from step total_iters on, in [0, 1]"),
              ParamSpec.integer("total_iters", 5, "steps to reach end_factor, ≥ 1")),
          Interval.EPOCH,
          a -> new LinearSchedule(a.getDouble("start_factor"), a.getDouble("end_factor"), a.getInt("total_iters"),
              interval(a)));
    }
  }
}
