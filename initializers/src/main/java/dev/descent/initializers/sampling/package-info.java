/**
 * Fast, reproducible random draws for initializers: the {@link
 * dev.descent.initializers.sampling.Rng} generator, the {@link
 * dev.descent.initializers.sampling.Ziggurat} normal sampler, and {@link
 * dev.descent.initializers.sampling.ChunkedFill}, which fills large tensors on every core with
 * values that depend only on the seed, never on the thread count.
 */
package dev.descent.initializers.sampling;
