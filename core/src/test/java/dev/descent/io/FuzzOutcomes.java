package dev.descent.io;

import dev.descent.DescentException;
import java.lang.management.ManagementFactory;

/**
 * What the fuzz tests accept: an action either succeeds or throws a {@link DescentException} with
 * a one-line message, and allocates no more than a bound. Anything else (a raw JDK exception, an
 * {@link Error} such as {@link OutOfMemoryError} or {@link StackOverflowError}, a multi-line
 * message, too much memory) fails the property.
 */
final class FuzzOutcomes {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private FuzzOutcomes() {}

  /** Something to run. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /**
   * Runs {@code action}: returns null on success, the exception if it is a one-line
   * DescentException; fails on anything else or when the thread allocated more than
   * {@code maxAllocatedBytes} (heap, as the JVM counts it).
   */
  static DescentException successOrDescentException(long maxAllocatedBytes, String input, Action action) {
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    DescentException caught = null;
    try {
      action.run();
    } catch (DescentException e) {
      if (e.getMessage() == null || e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
        throw new AssertionError("not a one-line message for " + input + ": " + e.getMessage(), e);
      }
      caught = e;
    } catch (Throwable t) {
      throw new AssertionError("unexpected " + t + " for " + input, t);
    }
    long allocated = THREADS.getThreadAllocatedBytes(id) - before;
    if (allocated > maxAllocatedBytes) {
      throw new AssertionError("allocated " + allocated + " bytes (bound " + maxAllocatedBytes + ") for " + input);
    }
    return caught;
  }
}
