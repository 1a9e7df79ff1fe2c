/**
 * The update-rule plugin interface: {@link dev.descent.optim.Optimizer}, its service {@link
 * dev.descent.optim.OptimizerProvider}, {@link dev.descent.optim.OptimizerState} and the {@link
 * dev.descent.optim.Optimizers} registry. The rules themselves live in the
 * {@code descent-optimizers} module.
 */
package dev.descent.optim;
