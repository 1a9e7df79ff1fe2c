package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * PyTorch's {@code ReduceLROnPlateau}: multiplies the rate by factor when the monitored metric
 * has not improved for more than patience steps, then waits cooldown steps before counting again.
 * In {@code min} mode with {@code rel} thresholds a value improves on the best when it is below
 * best·(1 − threshold) ({@code abs}: below best − threshold; {@code max} mode mirrors both). A
 * reduction to max(rate·factor, min_lr) is skipped when it would change the rate by at most eps.
 *
 * <p>It monitors the training loss ({@code loss}, per epoch the epoch's mean, per update the
 * batch's) or the held-out loss ({@code test_loss}, per epoch only). Immutable; its runs are not
 * thread-safe.
 *
 * @param mode min or max
 * @param factor the reduction factor in [0, 1) (default 0.1)
 * @param patience steps without improvement tolerated, ≥ 0 (default 10)
 * @param threshold the relative or absolute margin of an improvement, ≥ 0 (default 1e-4)
 * @param thresholdMode rel or abs
 * @param cooldown steps to wait after a reduction, ≥ 0 (default 0)
 * @param minLr the smallest rate, ≥ 0 (default 0)
 * @param eps the smallest change applied, ≥ 0 (default 1e-8)
 * @param monitor loss or test_loss
 * @param interval when it advances
 */
public record ReduceOnPlateau(String mode, double factor, int patience, double threshold, String thresholdMode,
    int cooldown, double minLr, double eps, String monitor, Interval interval) implements LearningRateSchedule {
  static final String NAME = "reduce_on_plateau";

  public ReduceOnPlateau {
    oneOf("mode", mode, "min", "max");
    Arguments.inHalfOpen(NAME, "factor", factor, 0, 1);
    Arguments.atLeast(NAME, "patience", patience, 0);
    Arguments.atLeast(NAME, "threshold", threshold, 0);
    oneOf("threshold_mode", thresholdMode, "rel", "abs");
    Arguments.atLeast(NAME, "cooldown", cooldown, 0);
    Arguments.atLeast(NAME, "min_lr", minLr, 0);
    Arguments.atLeast(NAME, "eps", eps, 0);
    oneOf("monitor", monitor, "loss", "test_loss");
    if (monitor.equals("test_loss") && interval == Interval.UPDATE) {
      throw new DescentException(NAME + ": monitor=test_loss is measured once per epoch; use interval=epoch");
    }
  }

  private static void oneOf(String param, String value, String a, String b) {
    if (!value.equals(a) && !value.equals(b)) {
      throw new DescentException(String.format("%s: parameter '%s' must be one of %s, %s, got '%s'",
          NAME, param, a, b, value));
    }
  }

  @Override
  public boolean monitored() {
    return true;
  }

  @Override
  public ScheduleState start(double baseRate) {
    return new Run(baseRate);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("mode", mode).add("factor", factor).add("patience", patience)
        .add("threshold", threshold).add("threshold_mode", thresholdMode).add("cooldown", cooldown)
        .add("min_lr", minLr).add("eps", eps).add("monitor", monitor).add("interval", interval.label()).toString();
  }

  private boolean better(double value, double best) {
    boolean min = mode.equals("min");
    if (thresholdMode.equals("rel")) {
      return min ? value < best * (1 - threshold) : value > best * (threshold + 1);
    }
    return min ? value < best - threshold : value > best + threshold;
  }

  /** One run: the current rate, the best value so far and the two counters. */
  private final class Run implements ScheduleState {
    private double rate;
    private double best;
    private int bad;
    private int cooling;

    Run(double rate) {
      this.rate = rate;
      this.best = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double rate() {
      return rate;
    }

    @Override
    public void advance(double metric) {
      if (better(metric, best)) {
        best = metric;
        bad = 0;
      } else {
        bad++;
      }
      if (cooling > 0) {
        cooling--;
        bad = 0;
      }
      if (bad > patience) {
        double reduced = Math.max(rate * factor, minLr);
        if (rate - reduced > eps) {
          rate = reduced;
        }
        cooling = cooldown;
        bad = 0;
      }
    }

    @Override
    public double[] snapshot() {
      return new double[] {rate, best, bad, cooling};
    }

    @Override
    public void restore(double[] snapshot) {
      rate = snapshot[0];
      best = snapshot[1];
      bad = (int) snapshot[2];
      cooling = (int) snapshot[3];
    }
  }

  /** The provider of {@code reduce_on_plateau}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("plateau"), "cut the rate by factor when the monitored loss stops improving (PyTorch ReduceLROnPlateau)",
          List.of(ParamSpec.choice("mode", "min", "min: lower is better; max: higher is better", "min", "max"),
              ParamSpec.number("factor", 0.1, "reduction factor, in [0, 1)"),
              ParamSpec.integer("patience", 10, "steps without improvement tolerated, ≥ 0"),
              ParamSpec.number("threshold", 1e-4, "margin of an improvement, ≥ 0"),
              ParamSpec.choice("threshold_mode", "rel", "rel: relative margin; abs: absolute", "rel", "abs"),
              ParamSpec.integer("cooldown", 0, "steps to wait after a reduction, ≥ 0"),
              ParamSpec.number("min_lr", 0, "smallest rate, ≥ 0"),
              ParamSpec.number("eps", 1e-8, "smallest change applied, ≥ 0"),
              ParamSpec.choice("monitor", "loss", "loss: training loss; test_loss: held-out loss (per epoch)", "loss", "test_loss")),
          Interval.EPOCH,
          a -> new ReduceOnPlateau(a.getString("mode"), a.getDouble("factor"), a.getInt("patience"),
              a.getDouble("threshold"), a.getString("threshold_mode"), a.getInt("cooldown"), a.getDouble("min_lr"),
              a.getDouble("eps"), a.getString("monitor"), interval(a)));
    }
  }
}
