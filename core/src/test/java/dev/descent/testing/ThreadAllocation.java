package dev.descent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * What the calling thread allocates, from HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}); a test that asks on a JVM
 * without the counter is skipped.
 */
public final class ThreadAllocation {
  private ThreadAllocation() {}

  /** The enabled counter, or the calling test is skipped. */
  public static com.sun.management.ThreadMXBean counter() {
    java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
    assumeTrue(plain instanceof com.sun.management.ThreadMXBean, "no HotSpot allocation counter");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) plain;
    assumeTrue(counter.isThreadAllocatedMemorySupported(), "allocation counting unsupported");
    counter.setThreadAllocatedMemoryEnabled(true);
    return counter;
  }

  /** The bytes this thread allocates while {@code action} runs. */
  public static long bytesAllocatedBy(Runnable action) {
    com.sun.management.ThreadMXBean counter = counter();
    long thread = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(thread);
    action.run();
    return counter.getThreadAllocatedBytes(thread) - before;
  }

  /**
   * The least this thread allocates over {@code measured} runs of {@code round}, in up to {@code
   * windows} windows after {@code warmUp} runs, stopping at the first window that allocates nothing.
   * The JIT compiles (and escape-analyses) in the background, later on a loaded machine, so one
   * clean window is the evidence: a per-call buffer, a boxed value or a capturing lambda would
   * allocate in every window.
   */
  public static long leastAfterWarmUp(Runnable round, int warmUp, int measured, int windows) {
    com.sun.management.ThreadMXBean counter = counter();
    long thread = Thread.currentThread().getId();
    for (int i = 0; i < warmUp; i++) {
      round.run();
    }
    long least = Long.MAX_VALUE;
    for (int window = 0; window < windows && least > 0; window++) {
      long before = counter.getThreadAllocatedBytes(thread);
      for (int i = 0; i < measured; i++) {
        round.run();
      }
      least = Math.min(least, counter.getThreadAllocatedBytes(thread) - before);
    }
    return least;
  }
}
