package dev.descent.optimizers.schedule;

import com.google.auto.service.AutoService;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * Linear warm-up (Goyal et al. 2017): the rate rises linearly from start_factor·η₀ to η₀ over
 * warmup_steps steps, then stays, ηₜ = η₀·(s + (1 − s)·min(t, W)/W). With s = 0 it is the warm-up
 * of Hugging Face's schedules ({@code LambdaLR} with min(1, t/W)); with s &gt; 0 it equals PyTorch's
 * {@code LinearLR(start_factor=s, total_iters=W)}. Follow it with another schedule using
 * {@code sequential}.
 *
 * @param warmupSteps W ≥ 1 (required)
 * @param startFactor s in [0, 1] (default 0)
 * @param interval when it advances (default update)
 */
public record LinearWarmupSchedule(int warmupSteps, double startFactor, Interval interval) implements ClosedFormSchedule {
  static final String NAME = "linear_warmup";

  public LinearWarmupSchedule {
    Arguments.atLeast(NAME, "warmup_steps", warmupSteps, 1);
    Arguments.inClosed(NAME, "start_factor", startFactor, 0, 1);
  }

  @Override
  public double rate(long step, double base) {
    return base * (startFactor + (1 - startFactor) * Math.min(warmupSteps, step) / warmupSteps);
  }

  @Override
  public String spec() {
    return SpecText.of(NAME).add("warmup_steps", warmupSteps).add("start_factor", startFactor)
        .add("interval", interval.label()).toString();
  }

  /** The provider of {@code linear_warmup}. */
  @AutoService(ScheduleProvider.class)
  public static final class Provider extends ScheduleSupport {
    public Provider() {
      super(NAME, List.of("warmup"), "rate rising linearly from start_factor·η₀ to η₀ over warmup_steps (Goyal et al. 2017)",
          List.of(new ParamSpec("warmup_steps", ParamType.INT, null, "steps to reach the base rate, ≥ 1"),
              ParamSpec.number("start_factor", 0, "fraction of the base rate at step 0, in [0, 1]")),
          Interval.UPDATE,
          a -> new LinearWarmupSchedule(a.getInt("warmup_steps"), a.getDouble("start_factor"), interval(a)));
    }
  }
}
