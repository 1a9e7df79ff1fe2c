package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Inverse-time decay, Keras's {@code InverseTimeDecay} (PyTorch has none): ηₜ = η₀ / (1 + r·t/s),
 * with t/s rounded down when staircase. Keras advances it every update.
 *
 * @param decaySteps s &gt; 0 (required)
 * @param decayRate r ≥ 0 (required)
 * @param staircase whether t/s is rounded down
 * @param interval when it advances (default update, as in Keras)
 */
public record InverseTimeSchedule(double decaySteps, double decayRate, boolean staircase, Interval interval)
    implements ClosedFormSchedule {
  static final String NAME = "inverse_time";

  public InverseTimeSchedule {
    Arguments.greaterThan(NAME, "decay_steps", decaySteps, 0);
    Arguments.atLeast(NAME, "decay_rate", decayRate, 0);
  }

  @Override
  public double rate(long step, double base) {
    double p = step / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return base / (1 + decayRate * p);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("decay_steps", decaySteps).add("decay_rate", decayRate).add("staircase", staircase)
        .add("interval", interval.label()).toString();
  }

  /** The provider of {@code inverse_time}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("inverse_time_decay"), "η₀ / (1 + decay_rate·t/decay_steps) (Keras InverseTimeDecay)",
          List.of(ParamSpec.requiredNumber("decay_steps", "steps per unit of decay, > 0"),
              ParamSpec.requiredNumber("decay_rate", "decay rate r, ≥ 0"),
              ParamSpec.flag("staircase", false, "round t/decay_steps down")),
          Interval.UPDATE,
          a -> new InverseTimeSchedule(a.getDouble("decay_steps"), a.getDouble("decay_rate"), a.getBoolean("staircase"),
              interval(a)));
    }
  }
}
