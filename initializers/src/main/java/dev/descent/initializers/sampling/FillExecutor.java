package dev.descent.initializers.sampling;

import com.google.common.base.Preconditions;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs the chunks of a fill on a fixed number of threads: the calling thread alone, or a
 * {@link ForkJoinPool} of daemon workers shared by every fill.
 *
 * <p>Which thread runs a chunk never changes its values (see {@link ChunkedFill}), so the thread
 * count is a speed setting only. {@link #shared()} uses every available processor; {@link
 * #withThreads} runs a block of code on a given number of threads, which tests use to check that
 * one thread and many give identical tensors. Thread-safe.
 */
public final class FillExecutor {
  private static final FillExecutor SEQUENTIAL = new FillExecutor(1);
  private static final ThreadLocal<FillExecutor> OVERRIDE = new ThreadLocal<>();

  private static final class Shared {
    static final FillExecutor INSTANCE = new FillExecutor(Runtime.getRuntime().availableProcessors());
  }

  private final int threads;
  private volatile ForkJoinPool pool;

  private FillExecutor(int threads) {
    this.threads = threads;
  }

  /** The executor that uses every available processor. */
  public static FillExecutor shared() {
    return Shared.INSTANCE;
  }

  /** An executor of {@code threads} threads (1 runs every chunk on the calling thread). */
  public static FillExecutor ofThreads(int threads) {
    Preconditions.checkArgument(threads >= 1, "threads must be ≥ 1, got %s", threads);
    return threads == 1 ? SEQUENTIAL : new FillExecutor(threads);
  }

  /** The executor fills on this thread use: the one set by {@link #withThreads}, else {@link #shared()}. */
  public static FillExecutor current() {
    FillExecutor e = OVERRIDE.get();
    return e == null ? shared() : e;
  }

  /** Runs {@code action} with every fill on this thread using {@code threads} threads. */
  public static void withThreads(int threads, Runnable action) {
    FillExecutor previous = OVERRIDE.get();
    FillExecutor executor = threads == Shared.INSTANCE.threads ? Shared.INSTANCE : ofThreads(threads);
    OVERRIDE.set(executor);
    try {
      action.run();
    } finally {
      if (previous == null) {
        OVERRIDE.remove();
      } else {
        OVERRIDE.set(previous);
      }
      if (executor != Shared.INSTANCE && executor.pool != null) {
        executor.pool.shutdown();
      }
    }
  }

  /** The number of threads. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task} for every chunk index in [0, {@code chunks}); in parallel when {@code
   * parallel} and this executor has more than one thread. Returns when all have finished; the
   * first failure is rethrown.
   */
  public void run(int chunks, IntConsumer task, boolean parallel) {
    if (!parallel || threads == 1 || chunks < 2) {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
      return;
    }
    pool().invoke(new Range(task, 0, chunks));
  }

  private ForkJoinPool pool() {
    ForkJoinPool p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          p = new ForkJoinPool(threads);
          pool = p;
        }
      }
    }
    return p;
  }

  /** Splits a range of chunks in halves until one chunk is left, then runs it. */
  private static final class Range extends RecursiveAction {
    private final transient IntConsumer task;
    private final int from;
    private final int to;

    Range(IntConsumer task, int from, int to) {
      this.task = task;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from == 1) {
        task.accept(from);
        return;
      }
      int middle = (from + to) >>> 1;
      invokeAll(new Range(task, from, middle), new Range(task, middle, to));
    }
  }
}
