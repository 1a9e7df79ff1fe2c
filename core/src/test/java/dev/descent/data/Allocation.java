package dev.descent.data;

import java.lang.management.ManagementFactory;

/** Measures the bytes the current thread allocates, to check that readers allocate nothing large. */
final class Allocation {
  private Allocation() {}

  /** The bytes allocated on this thread while {@code action} runs (HotSpot's per-thread counter). */
  static long bytesAllocatedBy(Runnable action) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    action.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
