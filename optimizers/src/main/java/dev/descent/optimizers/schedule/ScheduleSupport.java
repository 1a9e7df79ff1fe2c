package dev.descent.optimizers.schedule;

import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Base class of the schedule providers: one constructor call each. Every schedule also accepts
 * {@code interval=epoch|update}, appended here with the schedule's own default. Immutable and
 * thread-safe.
 */
public abstract class ScheduleSupport extends SimpleProvider<LearningRateSchedule> implements ScheduleProvider {

  protected ScheduleSupport(String name, List<String> aliases, String description, List<ParamSpec> parameters,
      Interval defaultInterval, Function<Arguments, LearningRateSchedule> factory) {
    super(name, aliases, description, withInterval(parameters, defaultInterval), factory);
  }

  private static List<ParamSpec> withInterval(List<ParamSpec> parameters, Interval defaultInterval) {
    List<ParamSpec> all = new ArrayList<>(parameters);
    all.add(ParamSpec.choice("interval", defaultInterval.label(),
        "advance after every epoch or after every update", "epoch", "update"));
    return all;
  }

  /** The {@code interval} argument. */
  protected static Interval interval(Arguments a) {
    return Interval.parse(a.getString("interval"));
  }
}
