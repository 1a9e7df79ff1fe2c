package dev.descent.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WorkerPool}: every range runs exactly once per call, passed its own index, whether its
 * worker or the caller runs it; the caller runs a range its worker has not begun; a failure in any
 * range reaches the caller and the pool carries on. A call that never returns (a range run twice
 * leaves the count of ranges to wait for below zero) fails on the timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerPoolTest {

  /** Records, per call, how often each index ran and whether it ran over its own range. */
  private static final class Recorder implements RangeBody {
    final AtomicIntegerArray runs;
    final int[] starts;
    final int[] ends;
    final Thread caller = Thread.currentThread();
    volatile boolean wrongRange;
    volatile int stolen;

    Recorder(int size) {
      runs = new AtomicIntegerArray(size);
      starts = new int[size];
      ends = new int[size];
    }

    @Override
    public void run(int from, int to, int worker) {
      if (from != starts[worker] || to != ends[worker]) {
        wrongRange = true;
      }
      if (worker != 0 && Thread.currentThread() == caller) {
        stolen++;
      }
      runs.incrementAndGet(worker);
    }
  }

  @Test
  void everyRangeRunsOnceWithItsOwnIndexWhoeverRunsIt() {
    int size = 4; // more participants than this machine's processors, so some workers start late
    WorkerPool pool = new WorkerPool(size, "test-worker-");
    Recorder recorder = new Recorder(size);
    SplittableRandom random = new SplittableRandom(7);
    for (int call = 0; call < 5_000; call++) {
      int parts = 1 + random.nextInt(size);
      for (int w = 0; w < parts; w++) {
        // range 0 often empty, so the caller turns to the others at once
        recorder.starts[w] = w * 100;
        recorder.ends[w] = w * 100 + (w == 0 && random.nextBoolean() ? 0 : 1 + random.nextInt(50));
        recorder.runs.set(w, 0);
      }
      pool.invoke(recorder, parts, recorder.starts, recorder.ends);
      for (int w = 0; w < parts; w++) {
        assertEquals(1, recorder.runs.get(w), "call " + call + ": runs of range " + w + " of " + parts);
      }
    }
    assertTrue(!recorder.wrongRange, "a range ran with another range's index");
  }

  @Test
  void theCallerRunsARangeItsWorkerHasNotBegun() {
    WorkerPool pool = new WorkerPool(2, "test-worker-");
    Recorder recorder = new Recorder(2);
    recorder.starts[1] = 5;
    recorder.ends[1] = 9;
    long deadline = System.nanoTime() + 20_000_000_000L;
    // an empty range 0 leaves the caller free at once; the worker, woken by the same call, is
    // usually not yet running (and when parked, takes microseconds to wake)
    while (recorder.stolen == 0 && System.nanoTime() < deadline) {
      pool.invoke(recorder, 2, recorder.starts, recorder.ends);
    }
    assertTrue(recorder.stolen > 0, "the caller never ran range 1");
  }

  @Test
  void aFailureInAnyRangeReachesTheCallerAndThePoolCarriesOn() {
    WorkerPool pool = new WorkerPool(3, "test-worker-");
    int[] starts = {0, 1, 2};
    int[] ends = {1, 2, 3};
    for (int failing = 0; failing < 3; failing++) {
      int f = failing;
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.invoke((from, to, w) -> {
        if (w == f) {
          throw new IllegalStateException("range " + w);
        }
      }, 3, starts, ends));
      assertEquals("range " + failing, e.getMessage());
      AtomicIntegerArray runs = new AtomicIntegerArray(3);
      pool.invoke((from, to, w) -> runs.incrementAndGet(w), 3, starts, ends);
      assertEquals("[1, 1, 1]", runs.toString(), "the call after a failure");
    }
  }
}
