package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * PyTorch's {@code ConstantLR}: the base rate scaled by a constant factor until {@code total_iters}
 * steps, then the base rate: ηₜ = η₀·factor for t &lt; total_iters, η₀ after. With factor = 1 it
 * keeps the rate constant.
 *
 * @param factor the scale in [0, 1] (PyTorch default 1/3)
 * @param totalIters the number of steps it applies, ≥ 0 (PyTorch default 5)
 * @param interval when it advances
 */
public record ConstantSchedule(double factor, int totalIters, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "constant";

  public ConstantSchedule {
    Arguments.inClosed(NAME, "factor", factor, 0, 1);
    Arguments.atLeast(NAME, "total_iters", totalIters, 0);
  }

  @Override
  public double rate(long step, double base) {
    return step < totalIters ? base * factor : base;
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("factor", factor).add("total_iters", totalIters).add("interval", interval.label())
        .toString();
  }

  /** The provider of {@code constant}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of(), "base rate × factor for total_iters steps, then the base rate (PyTorch ConstantLR)",
          List.of(ParamSpec.number("factor", 1.0 / 3, "scale in [0, 1] for the first total_iters steps"),
              ParamSpec.integer("total_iters", 5, "steps the factor applies, ≥ 0")),
          Interval.EPOCH,
          a -> new ConstantSchedule(a.getDouble("factor"), a.getInt("total_iters"), interval(a)));
    }
  }
}
