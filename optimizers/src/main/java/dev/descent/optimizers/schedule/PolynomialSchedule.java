package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * PyTorch's {@code PolynomialLR}: ηₜ = η₀·(1 − min(t, T)/T)^power, reaching 0 at step T.
 *
 * @param totalIters T ≥ 1 (default 5)
 * @param power the exponent ≥ 0 (default 1)
 * @param interval when it advances
 */
public record PolynomialSchedule(int totalIters, double power, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "polynomial";

  public PolynomialSchedule {
    Arguments.atLeast(NAME, "total_iters", totalIters, 1);
    Arguments.atLeast(NAME, "power", power, 0);
  }

  @Override
  public double rate(long step, double base) {
    return base * Math.pow(1.0 - (double) Math.min(totalIters, step) / totalIters, power);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("total_iters", totalIters).add("power", power).add("interval", interval.label())
        .toString();
  }

  /** The provider of {@code polynomial}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of(), "η₀·(1 − min(t, T)/T)^power (PyTorch PolynomialLR)",
          List.of(ParamSpec.integer("total_iters", 5, "steps until the rate reaches 0, ≥ 1"),
              ParamSpec.number("power", 1.0, "exponent of the decay, ≥ 0")),
          Interval.EPOCH,
          a -> new PolynomialSchedule(a.getInt("total_iters"), a.getDouble("power"), interval(a)));
    }
  }
}
