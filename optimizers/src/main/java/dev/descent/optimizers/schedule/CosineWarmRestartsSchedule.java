package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * SGDR, cosine annealing with warm restarts (Loshchilov and Hutter 2017), PyTorch's
 * {@code CosineAnnealingWarmRestarts}: ηₜ = η_min + (η₀ − η_min)(1 + cos(π·T_cur/T_i))/2, where
 * T_cur counts steps since the last restart and the i-th period lasts T_i = T_0·T_multⁱ.
 *
 * @param t0 T_0 ≥ 1, the first period (required)
 * @param tMult T_mult ≥ 1, the growth of the period (default 1)
 * @param etaMin η_min ≥ 0 (default 0)
 * @param interval when it advances
 */
public record CosineWarmRestartsSchedule(int t0, int tMult, double etaMin, Interval interval)
    implements ClosedFormSchedule {
  static final String NAME = "cosine_warm_restarts";

  public CosineWarmRestartsSchedule {
    Arguments.atLeast(NAME, "t_0", t0, 1);
    Arguments.atLeast(NAME, "t_mult", tMult, 1);
    Arguments.atLeast(NAME, "eta_min", etaMin, 0);
  }

  @Override
  public double rate(long step, double base) {
    long period = t0;
    long current = step;
    if (tMult == 1) {
      current = step % t0;
    } else {
      while (current >= period) {
        current -= period;
        period *= tMult;
      }
    }
    return CosineSchedule.anneal(base, etaMin, current, period);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("t_0", t0).add("t_mult", tMult).add("eta_min", etaMin)
        .add("interval", interval.label()).toString();
  }

  /** The provider of {@code cosine_warm_restarts}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("sgdr"), "cosine annealing restarted every T_0·T_multⁱ steps (PyTorch CosineAnnealingWarmRestarts)",
          List.of(new ParamSpec("t_0", ParamType.INT, null, "steps until the first restart, ≥ 1"),
              ParamSpec.integer("t_mult", 1, "growth factor of the period after each restart, ≥ 1"),
              ParamSpec.number("eta_min", 0, "smallest rate, ≥ 0")),
          Interval.EPOCH,
          a -> new CosineWarmRestartsSchedule(a.getInt("t_0"), a.getInt("t_mult"), a.getDouble("eta_min"), interval(a)));
    }
  }
}
