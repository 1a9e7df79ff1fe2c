package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * PyTorch's {@code MultiStepLR}: the rate decays by gamma at each milestone,
 * ηₜ = η₀·γ^(number of milestones ≤ t).
 *
 * @param milestones strictly increasing step numbers ≥ 1 (required)
 * @param gamma the decay factor γ &gt; 0 (default 0.1)
 * @param interval when it advances
 */
public record MultiStepSchedule(int[] milestones, double gamma, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "multistep";

  public MultiStepSchedule {
    milestones = milestones.clone();
    checkMilestones(NAME, milestones);
    Arguments.greaterThan(NAME, "gamma", gamma, 0);
  }

  /** Fails unless {@code milestones} is non-empty, strictly increasing and positive. */
  static void checkMilestones(String owner, int[] milestones) {
    if (milestones.length == 0) {
      throw new DescentException(owner + ": parameter 'milestones' must list at least one step, such as [30, 80]");
    }
    for (int i = 0; i < milestones.length; i++) {
      if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
        throw new DescentException(String.format(
            "%s: parameter 'milestones' must be strictly increasing steps ≥ 1, got %s",
            owner, ParamType.INT_LIST.format(milestones)));
      }
    }
  }

  /** The number of milestones ≤ {@code step} (Python's {@code bisect_right}). */
  static int passed(int[] milestones, long step) {
    int n = 0;
    while (n < milestones.length && milestones[n] <= step) {
      n++;
    }
    return n;
  }

  @Override
  public int[] milestones() {
    return milestones.clone();
  }

  @Override
  public double rate(long step, double base) {
    return base * Math.pow(gamma, passed(milestones, step));
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("milestones", milestones).add("gamma", gamma).add("interval", interval.label())
        .toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultiStepSchedule m && java.util.Arrays.equals(milestones, m.milestones)
        && gamma == m.gamma && interval == m.interval;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(milestones) * 31 + Double.hashCode(gamma);
  }

  @Override
  public String toString() {
    return spec();
  }

  /** The provider of {@code multistep}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("multi_step"), "decay by gamma at each milestone (PyTorch MultiStepLR)",
          List.of(new ParamSpec("milestones", ParamType.INT_LIST, null, "strictly increasing steps, such as [30, 80]"),
              ParamSpec.number("gamma", 0.1, "decay factor, > 0")),
          Interval.EPOCH,
          a -> new MultiStepSchedule(a.getInts("milestones"), a.getDouble("gamma"), interval(a)));
    }
  }
}
