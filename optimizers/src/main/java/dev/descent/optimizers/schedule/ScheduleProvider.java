package dev.descent.optimizers.schedule;

import dev.descent.spec.Provider;

/**
 * The {@link java.util.ServiceLoader} service for learning-rate schedules: implement it, annotate
 * with {@code @AutoService(ScheduleProvider.class)}, and {@link Schedules} finds it by name.
 */
public interface ScheduleProvider extends Provider<LearningRateSchedule> {}
