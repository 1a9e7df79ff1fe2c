/**
 * The update rules: PyTorch's optimizers with PyTorch's parameter names, defaults and arithmetic
 * ({@code sgd}, {@code adagrad}, {@code adadelta}, {@code rmsprop}, {@code adam}, {@code adamw},
 * {@code adamax}, {@code nadam}, {@code radam}, {@code rprop}, {@code asgd}) and rules beyond PyTorch
 * ({@code lion}, {@code adabelief}, {@code lamb}), each an {@link
 * dev.descent.optim.OptimizerProvider} registered with {@code @AutoService}.
 *
 * <p>Every rule extends {@link dev.descent.optimizers.FusedOptimizer}: one fused, allocation-free
 * pass over each parameter's flat arrays per step, on every core for large tensors, with state keyed
 * by parameter name. Keras's variants live in {@code dev.descent.optimizers.keras}, learning-rate
 * schedules in {@code dev.descent.optimizers.schedule} and gradient clipping in
 * {@code dev.descent.optimizers.clip}.
 */
package dev.descent.optimizers;
