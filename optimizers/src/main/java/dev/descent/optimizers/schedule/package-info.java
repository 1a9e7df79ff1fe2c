/**
 * Learning-rate schedules attachable to any optimizer, with PyTorch's {@code lr_scheduler} names and
 * defaults where PyTorch has them: {@code constant}, {@code linear}, {@code step}, {@code multistep},
 * {@code exponential}, {@code polynomial}, {@code inverse_time} (Keras), {@code cosine},
 * {@code cosine_warm_restarts}, {@code cyclic}, {@code one_cycle}, {@code linear_warmup},
 * {@code sequential} and {@code reduce_on_plateau}. Each is a {@link
 * dev.descent.optimizers.schedule.ScheduleProvider} found by {@link
 * dev.descent.optimizers.schedule.Schedules}; {@link dev.descent.optimizers.schedule.ScheduleCallback}
 * applies one during training.
 */
package dev.descent.optimizers.schedule;
