package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * Cosine annealing (Loshchilov and Hutter 2017), PyTorch's {@code CosineAnnealingLR}:
 * ηₜ = η_min + (η₀ − η_min)(1 + cos(πt/T_max))/2. Past T_max the cosine continues (rising again),
 * as PyTorch's does; combine with {@code sequential} or use {@code cosine_warm_restarts} for
 * restarts.
 *
 * @param tMax T_max ≥ 1 (required)
 * @param etaMin η_min ≥ 0 (default 0)
 * @param interval when it advances
 */
public record CosineSchedule(int tMax, double etaMin, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "cosine";

  public CosineSchedule {
    Arguments.atLeast(NAME, "t_max", tMax, 1);
    Arguments.atLeast(NAME, "eta_min", etaMin, 0);
  }

  /** η_min + (η₀ − η_min)(1 + cos(π·t/T))/2, shared with the warm-restart schedule. */
  static double anneal(double base, double etaMin, double t, double period) {
    return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * t / period)) / 2;
  }

  @Override
  public double rate(long step, double base) {
    return anneal(base, etaMin, step, tMax);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("t_max", tMax).add("eta_min", etaMin).add("interval", interval.label()).toString();
  }

  /** The provider of {@code cosine}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("cosine_annealing"), "η_min + (η₀ − η_min)(1 + cos(πt/T_max))/2 (PyTorch CosineAnnealingLR)",
          List.of(new ParamSpec("t_max", ParamType.INT, null, "half period in steps, ≥ 1"),
              ParamSpec.number("eta_min", 0, "smallest rate, ≥ 0")),
          Interval.EPOCH,
          a -> new CosineSchedule(a.getInt("t_max"), a.getDouble("eta_min"), interval(a)));
    }
  }
}
