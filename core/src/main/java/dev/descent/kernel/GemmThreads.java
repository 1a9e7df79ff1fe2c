package dev.descent.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Splits a large product's C between threads of one shared pool.
 *
 * <p>C is cut into {@code parts} windows of nearly equal size along its longer side, at multiples of
 * {@value #COLUMN_STEP} columns or {@link MicroKernel#ROWS} rows (whole vector widths or
 * micro-kernel strips). The calling thread computes the first window while the pool computes the
 * others, and the call returns when all are done. The split is never along k, so each element of C
 * is computed by one thread in the same order as without threads. The pool has one daemon thread
 * per available processor, is created on first use and is shared by every caller.
 */
public final class GemmThreads {
  /** Products with fewer multiply-adds than this stay on the calling thread. */
  static final long PARALLEL_WORK = 1L << 22;

  private static final int COLUMN_STEP = 16;
  private static final int ROW_STEP = MicroKernel.ROWS;
  private static final int MIN_PART = 64;

  private GemmThreads() {}

  /** The work of one window C(i0..i1−1, j0..j1−1). */
  @FunctionalInterface
  public interface Window {
    void compute(int i0, int i1, int j0, int j1);
  }

  private static final class Pool {
    static final ForkJoinPool INSTANCE =
        new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            pool -> {
              ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              thread.setName("descent-gemm-" + thread.getPoolIndex());
              thread.setDaemon(true);
              return thread;
            },
            null,
            false);
  }

  /** How many windows an m×n×k product is worth splitting into, at most {@code threads}. */
  public static int parts(int threads, int m, int n, int k) {
    if (threads < 2 || (long) m * n * k < PARALLEL_WORK) {
      return 1;
    }
    return Math.max(1, Math.min(threads, Math.max(m, n) / MIN_PART));
  }

  /** Runs {@code window} on {@code parts} disjoint windows covering the m×n matrix C. */
  public static void split(int parts, int m, int n, Window window) {
    boolean byColumns = n >= m;
    int length = byColumns ? n : m;
    int step = byColumns ? COLUMN_STEP : ROW_STEP;
    ForkJoinTask<?>[] others = new ForkJoinTask<?>[parts - 1];
    for (int t = 1; t < parts; t++) {
      int from = boundary(t, parts, length, step);
      int to = boundary(t + 1, parts, length, step);
      others[t - 1] = Pool.INSTANCE.submit(() -> compute(window, byColumns, from, to, m, n));
    }
    try {
      compute(window, byColumns, 0, boundary(1, parts, length, step), m, n);
    } finally {
      for (ForkJoinTask<?> task : others) {
        task.join();
      }
    }
  }

  private static void compute(Window window, boolean byColumns, int from, int to, int m, int n) {
    if (byColumns) {
      window.compute(0, m, from, to);
    } else {
      window.compute(from, to, 0, n);
    }
  }

  private static int boundary(int part, int parts, int length, int step) {
    if (part >= parts) {
      return length;
    }
    long even = (long) length * part / parts;
    return (int) Math.min(length, (even + step / 2) / step * step);
  }
}
