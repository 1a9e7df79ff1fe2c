package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * PyTorch's {@code ExponentialLR}: ηₜ = η₀·γᵗ.
 *
 * @param gamma the decay per step γ &gt; 0 (required)
 * @param interval when it advances
 */
public record ExponentialSchedule(double gamma, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "exponential";

  public ExponentialSchedule {
    Arguments.greaterThan(NAME, "gamma", gamma, 0);
  }

  @Override
  public double rate(long step, double base) {
    return base * Math.pow(gamma, step);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("gamma", gamma).add("interval", interval.label()).toString();
  }

  /** The provider of {@code exponential}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of(), "η₀·γᵗ (PyTorch ExponentialLR)",
          List.of(ParamSpec.requiredNumber("gamma", "decay per step, > 0")),
          Interval.EPOCH,
          a -> new ExponentialSchedule(a.getDouble("gamma"), interval(a)));
    }
  }
}
