/**
 * Predicted distributions of initialized values: {@link
 * dev.descent.initializers.distribution.Distribution} (moments, bounds, density, distribution
 * function, atoms) and its implementations, the samplable ones ({@link
 * dev.descent.initializers.distribution.Normal}, {@link
 * dev.descent.initializers.distribution.TruncatedNormal}, {@link
 * dev.descent.initializers.distribution.Uniform}, {@link
 * dev.descent.initializers.distribution.PointMass}) and the descriptive ones for structured schemes
 * ({@link dev.descent.initializers.distribution.SphereCoordinate} for orthogonal matrices, {@link
 * dev.descent.initializers.distribution.Mixture} for sparse and identity), with the special
 * functions they need.
 */
package dev.descent.initializers.distribution;
