package dev.descent.optimizers.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Ranges cover every index once; chunked sums equal the same chunking evaluated on one thread. */
class ParallelTest {

  @Test
  void rangesCoverEveryIndexExactlyOnce() {
    for (int n : new int[] {0, 1, 63, ParallelRanges.MIN_PARALLEL - 1, ParallelRanges.MIN_PARALLEL,
        ParallelRanges.MIN_PARALLEL + 1, 1_000_003}) {
      int[] seen = new int[n];
      ParallelRanges.run(n, (from, to, worker) -> {
        for (int i = from; i < to; i++) {
          seen[i]++;
        }
      });
      for (int i = 0; i < n; i++) {
        if (seen[i] != 1) {
          assertEquals(1, seen[i], "n=" + n + " index " + i);
        }
      }
    }
  }

  @Test
  void failuresInAnyRangeReachTheCaller() {
    int n = ParallelRanges.MIN_PARALLEL * 2;
    assertThrows(IllegalStateException.class, () -> ParallelRanges.run(n, (from, to, worker) -> {
      if (to == n) {
        throw new IllegalStateException("last range");
      }
    }));
    ParallelRanges.run(n, (from, to, worker) -> { }); // the pool still works
  }

  @Test
  void chunkedSumsDoNotDependOnTheThreads() {
    int n = 1_234_567;
    double[] d = new double[n];
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.sin(i) * (1 + i % 5);
      f[i] = (float) d[i];
    }
    ChunkedSums sums = new ChunkedSums();
    assertEquals(oneThread(d), sums.sumOfSquares(d));
    assertEquals(oneThread(d), sums.sumOfSquares(d), "repeatable");
    double[] widened = new double[n];
    for (int i = 0; i < n; i++) {
      widened[i] = f[i];
    }
    assertEquals(oneThread(widened), sums.sumOfSquares(f));
    double max = 0;
    for (double v : d) {
      max = Math.max(max, Math.abs(v));
    }
    assertEquals(max, sums.sumOfPowers(d, Double.POSITIVE_INFINITY));
  }

  /** The documented algorithm, sequentially: fixed chunks, four interleaved accumulators, chunk order. */
  private static double oneThread(double[] x) {
    double total = 0;
    for (int from = 0; from < x.length; from += ChunkedSums.CHUNK) {
      int to = Math.min(x.length, from + ChunkedSums.CHUNK);
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int i = from;
      for (; i + 3 < to; i += 4) {
        s0 += x[i] * x[i];
        s1 += x[i + 1] * x[i + 1];
        s2 += x[i + 2] * x[i + 2];
        s3 += x[i + 3] * x[i + 3];
      }
      for (; i < to; i++) {
        s0 += x[i] * x[i];
      }
      total += (s0 + s1) + (s2 + s3);
    }
    return total;
  }
}
