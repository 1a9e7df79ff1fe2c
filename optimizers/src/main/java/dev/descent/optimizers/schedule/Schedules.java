package dev.descent.optimizers.schedule;

import dev.descent.spec.Registry;

/**
 * The registry of learning-rate schedules on the class path, resolved from specs such as
 * {@code cosine(t_max=90)}. Thread-safe.
 */
public final class Schedules {
  private Schedules() {}

  private static final class Holder {
    static final Registry<LearningRateSchedule> DEFAULT = load(Schedules.class.getClassLoader());
  }

  /** The registry visible to Descent's own class loader. */
  public static Registry<LearningRateSchedule> registry() {
    return Holder.DEFAULT;
  }

  /** The registry visible to {@code loader}. */
  public static Registry<LearningRateSchedule> load(ClassLoader loader) {
    return Registry.load("schedules", ScheduleProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static LearningRateSchedule resolve(String spec) {
    return registry().resolve(spec);
  }
}
