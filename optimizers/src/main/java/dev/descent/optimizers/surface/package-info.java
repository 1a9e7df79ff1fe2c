/**
 * Two-dimensional test surfaces for watching optimizers move ({@code rosenbrock}, {@code beale},
 * {@code himmelblau}, {@code rastrigin}, {@code saddle}, {@code monkey_saddle},
 * {@code six_hump_camel}, {@code quadratic}), each with its value, gradient and known stationary
 * points, found by {@link dev.descent.optimizers.surface.Surfaces}; {@link
 * dev.descent.optimizers.surface.SurfaceDescent} runs any optimizer on one and records the path.
 */
package dev.descent.optimizers.surface;
