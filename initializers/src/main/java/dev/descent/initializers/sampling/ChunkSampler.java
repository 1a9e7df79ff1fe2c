package dev.descent.initializers.sampling;

/**
 * Writes independent draws into one contiguous range of an array; the unit of work of {@link
 * ChunkedFill}. Implementations must be stateless and thread-safe (all state lives in the {@link
 * Rng} they are given), must not allocate per element, and must stream: when b − a is a multiple of
 * {@link Ziggurat#BLOCK}, {@code sample(out, a, b, rng)} followed by {@code sample(out, b, c, rng)}
 * writes the same values as {@code sample(out, a, c, rng)}, so a chunk may be produced in blocks.
 */
@FunctionalInterface
public interface ChunkSampler {

  /** Writes draws into {@code out[from]}, …, {@code out[to − 1]}, using only {@code rng}. */
  void sample(double[] out, int from, int to, Rng rng);
}
