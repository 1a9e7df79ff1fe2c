package dev.descent.optimizers.parallel;

import dev.descent.concurrent.RangeBody;
import dev.descent.concurrent.WorkerPool;

/**
 * Runs elementwise work over {@code [0, n)} on every core for large arrays and on the calling
 * thread for small ones.
 *
 * <p>Arrays of at least {@link #MIN_PARALLEL} elements are split into one contiguous range per
 * worker, aligned to {@link #ALIGN} elements; smaller ones run as one range. Because a body only
 * touches its own range, elementwise results are bit-identical whatever the number of workers.
 * Reductions must not depend on how ranges are split: see {@link ChunkedSums}, which fixes its
 * chunks independently of the workers.
 *
 * <p>The number of workers is the number of available processors, or the system property
 * {@code descent.optimizer.threads} when set (1 runs everything on the caller); with as many
 * workers as processors the loops run on {@link WorkerPool#shared()}, with the matrix kernels.
 * Allocation-free per call. Thread-safe: concurrent callers are served one at a time.
 */
public final class ParallelRanges {
  /** The smallest array split over several workers. */
  public static final int MIN_PARALLEL = 1 << 16;
  /** Range boundaries are multiples of this, so neighbouring ranges never share a cache line. */
  public static final int ALIGN = 64;

  private static final int WORKERS = threads();

  private ParallelRanges() {}

  private static final class Holder {
    static final WorkerPool POOL = WORKERS == WorkerPool.shared().size()
        ? WorkerPool.shared()
        : new WorkerPool(WORKERS, "descent-optimizer-worker-");
    static final int[] STARTS = new int[WORKERS];
    static final int[] ENDS = new int[WORKERS];
  }

  /** The number of workers, counting the calling thread. */
  public static int workers() {
    return WORKERS;
  }

  /** Runs {@code body} over {@code [0, n)}, split over the workers when {@code n} is large. */
  public static void run(int n, RangeBody body) {
    run(n, MIN_PARALLEL, ALIGN, body);
  }

  /**
   * Runs {@code body} over {@code [0, n)}, split over the workers into ranges whose boundaries are
   * multiples of {@code align} when {@code n ≥ minParallel}; callers whose indices stand for chunks
   * of work lower the threshold and the alignment.
   */
  public static void run(int n, int minParallel, int align, RangeBody body) {
    if (n < Math.max(2, minParallel) || WORKERS == 1) {
      body.run(0, n, 0);
      return;
    }
    synchronized (Holder.POOL) {
      int parts = WORKERS;
      int per = (n / parts + align - 1) / align * align;
      for (int w = 0; w < parts; w++) {
        Holder.STARTS[w] = Math.min(n, w * per);
        Holder.ENDS[w] = w == parts - 1 ? n : Math.min(n, (w + 1) * per);
      }
      Holder.POOL.invoke(body, parts, Holder.STARTS, Holder.ENDS);
    }
  }

  private static int threads() {
    String configured = System.getProperty("descent.optimizer.threads");
    if (configured != null) {
      try {
        return Math.max(1, Integer.parseInt(configured.strip()));
      } catch (NumberFormatException e) {
        throw new dev.descent.DescentException(
            "system property descent.optimizer.threads must be a positive integer, got '" + configured + "'");
      }
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
