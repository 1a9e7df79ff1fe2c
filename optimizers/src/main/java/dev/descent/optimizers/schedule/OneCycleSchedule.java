package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * The 1cycle policy (Smith and Topin 2017), PyTorch's {@code OneCycleLR} without momentum cycling:
 * from max_lr/div_factor up to max_lr over the first pct_start of total_steps, then down to
 * max_lr/(div_factor·final_div_factor); with three_phase, back down to the initial rate first and
 * then to the minimum. Each phase anneals by cosine, ½(cos(πp) + 1) weighting, or linearly.
 *
 * <p>Phase ends follow PyTorch: pct_start·T − 1, (2·pct_start·T − 2 for three phases), T − 1. Like
 * PyTorch's it ignores the optimizer's own rate and advances every update by default; stepping
 * past total_steps keeps the final rate (PyTorch raises an error).
 *
 * @param maxLr the peak rate ≥ 0 (required)
 * @param totalSteps T ≥ 2 (required)
 * @param pctStart the fraction of T spent rising, in (0, 1) (default 0.3)
 * @param annealStrategy cos or linear
 * @param divFactor initial rate = max_lr/div_factor, &gt; 0 (default 25)
 * @param finalDivFactor minimum rate = initial rate/final_div_factor, &gt; 0 (default 1e4)
 * @param threePhase whether to return to the initial rate before annealing to the minimum
 * @param interval when it advances
 */
public record OneCycleSchedule(double maxLr, int totalSteps, double pctStart, String annealStrategy, double divFactor,
    double finalDivFactor, boolean threePhase, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "one_cycle";

  public OneCycleSchedule {
    Arguments.atLeast(NAME, "max_lr", maxLr, 0);
    Arguments.atLeast(NAME, "total_steps", totalSteps, 2);
    if (!(pctStart > 0 && pctStart < 1)) {
      throw Arguments.rangeError(NAME, "pct_start", pctStart, "in (0, 1)");
    }
    Arguments.greaterThan(NAME, "div_factor", divFactor, 0);
    Arguments.greaterThan(NAME, "final_div_factor", finalDivFactor, 0);
    if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
      throw new DescentException(NAME + ": parameter 'anneal_strategy' must be one of cos, linear, got '"
          + annealStrategy + "'");
    }
  }

  @Override
  public double rate(long step, double base) {
    double initial = maxLr / divFactor;
    double minimum = initial / finalDivFactor;
    double t = Math.min(step, totalSteps);
    double end1 = pctStart * totalSteps - 1;
    if (!threePhase) {
      return t <= end1 ? anneal(initial, maxLr, t / end1) : anneal(maxLr, minimum, (t - end1) / (totalSteps - 1 - end1));
    }
    double end2 = 2 * pctStart * totalSteps - 2;
    if (t <= end1) {
      return anneal(initial, maxLr, t / end1);
    }
    if (t <= end2) {
      return anneal(maxLr, initial, (t - end1) / (end2 - end1));
    }
    return anneal(initial, minimum, (t - end2) / (totalSteps - 1 - end2));
  }

  private double anneal(double from, double to, double pct) {
    return annealStrategy.equals("cos")
        ? to + (from - to) / 2.0 * (Math.cos(Math.PI * pct) + 1)
        : (to - from) * pct + from;
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("max_lr", maxLr).add("total_steps", totalSteps).add("pct_start", pctStart)
        .add("anneal_strategy", annealStrategy).add("div_factor", divFactor).add("final_div_factor", finalDivFactor)
        .add("three_phase", threePhase).add("interval", interval.label()).toString();
  }

  /** The provider of {@code one_cycle}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("one_cycle_lr", "onecycle"), "warm up to max_lr, then anneal far below the start (Smith and Topin 2017; PyTorch OneCycleLR)",
          List.of(ParamSpec.requiredNumber("max_lr", "peak rate, ≥ 0"),
              new ParamSpec("total_steps", ParamType.INT, null, "length of the cycle in steps, ≥ 2"),
              ParamSpec.number("pct_start", 0.3, "fraction of the cycle spent rising, in (0, 1)"),
              ParamSpec.choice("anneal_strategy", "cos", "cos or linear annealing", "cos", "linear"),
              ParamSpec.number("div_factor", 25, "initial rate = max_lr / div_factor, > 0"),
              ParamSpec.number("final_div_factor", 1e4, "minimum rate = initial rate / final_div_factor, > 0"),
              ParamSpec.flag("three_phase", false, "return to the initial rate before annealing to the minimum")),
          Interval.UPDATE,
          a -> new OneCycleSchedule(a.getDouble("max_lr"), a.getInt("total_steps"), a.getDouble("pct_start"),
              a.getString("anneal_strategy"), a.getDouble("div_factor"), a.getDouble("final_div_factor"),
              a.getBoolean("three_phase"), interval(a)));
    }
  }
}
