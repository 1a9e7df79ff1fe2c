package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * PyTorch's {@code StepLR}: the rate decays by gamma every step_size steps, ηₜ = η₀·γ^⌊t/step_size⌋.
 *
 * @param stepSize the period of the decay, ≥ 1 (required)
 * @param gamma the decay factor γ &gt; 0 (default 0.1)
 * @param interval when it advances
 */
public record StepSchedule(int stepSize, double gamma, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "step";

  public StepSchedule {
    Arguments.atLeast(NAME, "step_size", stepSize, 1);
    Arguments.greaterThan(NAME, "gamma", gamma, 0);
  }

  @Override
  public double rate(long step, double base) {
    return base * Math.pow(gamma, step / stepSize);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("step_size", stepSize).add("gamma", gamma).add("interval", interval.label())
        .toString();
  }

  /** The provider of {@code step}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("step_lr"), "decay by gamma every step_size steps (PyTorch StepLR)",
          List.of(new ParamSpec("step_size", dev.descent.spec.ParamType.INT, null, "period of the decay in steps, ≥ 1"),
              ParamSpec.number("gamma", 0.1, "decay factor, > 0")),
          Interval.EPOCH,
          a -> new StepSchedule(a.getInt("step_size"), a.getDouble("gamma"), interval(a)));
    }
  }
}
