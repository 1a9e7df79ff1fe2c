package dev.descent.initializers.sampling;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Fills a tensor with independent draws, deterministically and, for large tensors, on every core.
 *
 * <p>The flat array is cut into chunks of {@link #CHUNK} elements. The fill draws exactly one
 * {@code long} seed from the caller's generator, and chunk c is written by {@link
 * Rng#forChunk}(seed, c) alone, so the values depend on the seed and the tensor's size only: the
 * same seed gives the same tensor on one thread or many, in any order. A FLOAT32 tensor receives
 * the draws rounded to float, so it equals the FLOAT64 fill of the same seed rounded.
 *
 * <p>Tensors of at least {@link #PARALLEL_THRESHOLD} elements run their chunks on {@link
 * FillExecutor#current()}. Stateless and thread-safe; the tensor must not be shared during a fill.
 */
public final class ChunkedFill {
  /** Elements per chunk: 2¹⁶, fixed, because changing it changes the values of a seed. */
  public static final int CHUNK = 1 << 16;

  /** Sizes from which a fill runs its chunks in parallel. */
  public static final int PARALLEL_THRESHOLD = 1 << 18;

  /** A FLOAT32 chunk is sampled in blocks of this many doubles, which stay in the L1/L2 cache. */
  private static final int BLOCK = Ziggurat.BLOCK;

  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[BLOCK]);

  private ChunkedFill() {}

  /** Fills {@code tensor} with {@code sampler}'s draws, seeded by one long from {@code random}. */
  public static void fill(Tensor tensor, ChunkSampler sampler, RandomGenerator random) {
    fill(tensor, sampler, random.nextLong());
  }

  /** Fills {@code tensor} with {@code sampler}'s draws for {@code seed}. */
  public static void fill(Tensor tensor, ChunkSampler sampler, long seed) {
    int size = tensor.size();
    if (size == 0) {
      return;
    }
    int chunks = (int) ((size + (long) CHUNK - 1) / CHUNK);
    boolean parallel = size >= PARALLEL_THRESHOLD;
    if (tensor.dtype() == DType.FLOAT64) {
      double[] data = tensor.doubles();
      FillExecutor.current().run(chunks, c -> {
        int from = c * CHUNK;
        sampler.sample(data, from, Math.min(size, from + CHUNK), Rng.forChunk(seed, c));
      }, parallel);
    } else {
      float[] data = tensor.floats();
      FillExecutor.current().run(chunks, c -> {
        int end = Math.min(size, c * CHUNK + CHUNK);
        double[] scratch = SCRATCH.get();
        Rng rng = Rng.forChunk(seed, c);
        for (int from = c * CHUNK; from < end; from += BLOCK) {
          int length = Math.min(BLOCK, end - from);
          sampler.sample(scratch, 0, length, rng);
          for (int k = 0; k < length; k++) {
            data[from + k] = (float) scratch[k];
          }
        }
      }, parallel);
    }
  }
}
