package dev.descent.initializers.distribution;

import dev.descent.initializers.sampling.ChunkSampler;
import dev.descent.initializers.sampling.ChunkedFill;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A distribution that can fill a tensor with independent draws. The default {@link #fill} runs
 * {@link ChunkedFill}: one seed drawn from the caller's generator, fixed-size chunks, every core for
 * large tensors, the same values for any thread count. Immutable and thread-safe.
 */
public interface Samplable extends Distribution, ChunkSampler {

  /** Fills every element of {@code tensor} with an independent draw. */
  default void fill(Tensor tensor, RandomGenerator random) {
    ChunkedFill.fill(tensor, this, random);
  }
}
