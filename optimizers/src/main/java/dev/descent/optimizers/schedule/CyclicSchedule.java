package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Cyclical learning rates (Smith 2017), PyTorch's {@code CyclicLR} without momentum cycling: the
 * rate moves linearly between base_lr and max_lr, up in step_size_up steps and down in
 * step_size_down, with amplitude scaled per cycle:
 *
 * <pre>
 *   L = up + down,  c = ⌊1 + t/L⌋,  x = 1 + t/L − c,  r = up/L
 *   s = x/r if x ≤ r else (x − 1)/(r − 1)
 *   ηₜ = base_lr + (max_lr − base_lr)·s·f,   f = 1 (triangular), 1/2^(c−1) (triangular2), γᵗ (exp_range)
 * </pre>
 *
 * <p>Like PyTorch's it ignores the optimizer's own rate and advances every update by default.
 *
 * @param baseLr the lower bound ≥ 0 (required)
 * @param maxLr the upper bound ≥ 0 (required)
 * @param stepSizeUp steps in the increasing half, ≥ 1 (default 2000)
 * @param stepSizeDown steps in the decreasing half, ≥ 1, or 0 for step_size_up (default 0)
 * @param mode triangular, triangular2 or exp_range
 * @param gamma γ &gt; 0 for exp_range (default 1)
 * @param interval when it advances
 */
public record CyclicSchedule(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, String mode, double gamma,
    Interval interval) implements ClosedFormSchedule {
  static final String NAME = "cyclic";

  public CyclicSchedule {
    Arguments.atLeast(NAME, "base_lr", baseLr, 0);
    Arguments.atLeast(NAME, "max_lr", maxLr, 0);
    Arguments.atLeast(NAME, "step_size_up", stepSizeUp, 1);
    Arguments.atLeast(NAME, "step_size_down", stepSizeDown, 0);
    Arguments.greaterThan(NAME, "gamma", gamma, 0);
    if (!List.of("triangular", "triangular2", "exp_range").contains(mode)) {
      throw new DescentException(NAME + ": parameter 'mode' must be one of triangular, triangular2, exp_range, got '"
          + mode + "'");
    }
  }

  @Override
  public double rate(long step, double base) {
    double up = stepSizeUp;
    double down = stepSizeDown == 0 ? up : stepSizeDown;
    double total = up + down;
    double ratio = up / total;
    double cycle = Math.floor(1 + step / total);
    double x = 1. + step / total - cycle;
    double scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
    double height = (maxLr - baseLr) * scale;
    double factor = switch (mode) {
      case "triangular" -> 1;
      case "triangular2" -> 1 / Math.pow(2, cycle - 1);
      default -> Math.pow(gamma, step);
    };
    return baseLr + height * factor;
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("base_lr", baseLr).add("max_lr", maxLr).add("step_size_up", stepSizeUp)
        .add("step_size_down", stepSizeDown).add("mode", mode).add("gamma", gamma).add("interval", interval.label())
        .toString();
  }

  /** The provider of {@code cyclic}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("cyclic_lr"), "rate cycling linearly between base_lr and max_lr (Smith 2017; PyTorch CyclicLR)",
          List.of(ParamSpec.requiredNumber("base_lr", "lower bound of the cycle, ≥ 0"),
              ParamSpec.requiredNumber("max_lr", "upper bound of the cycle, ≥ 0"),
              ParamSpec.integer("step_size_up", 2000, "steps in the increasing half, ≥ 1"),
              ParamSpec.integer("step_size_down", 0, "steps in the decreasing half; 0 means step_size_up"),
              ParamSpec.choice("mode", "triangular", "amplitude policy", "triangular", "triangular2", "exp_range"),
              ParamSpec.number("gamma", 1.0, "amplitude decay per step in exp_range mode, > 0")),
          Interval.UPDATE,
          a -> new CyclicSchedule(a.getDouble("base_lr"), a.getDouble("max_lr"), a.getInt("step_size_up"),
              a.getInt("step_size_down"), a.getString("mode"), a.getDouble("gamma"), interval(a)));
    }
  }
}
