package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.concurrent.WorkerPool;
import dev.descent.testing.ThreadAllocation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Splitting a product between threads: every element of C in exactly one window, with more windows
 * than threads too; a failure in any window reaches the caller and leaves the pool usable; the
 * operands are not kept after the call; and a split product allocates nothing once warmed up.
 */
class GemmThreadsTest {

  @Test
  void windowsCoverEveryElementOnceWhateverTheParts() {
    int pool = WorkerPool.shared().size();
    for (int[] shape : new int[][] {{300, 200}, {200, 300}, {97, 1000}, {1000, 5}, {64, 64}}) {
      int m = shape[0];
      int n = shape[1];
      for (int parts = 1; parts <= pool + 3; parts++) {
        float[] c = new float[m * n];
        GemmThreads.split(parts, m, n, MicroKernel.ROWS, GemmThreadsTest::countWindow, 1f, null, 0, 0, 0, null, 0, 0, 0, 0f, c, 0, n, 1);
        double[] cd = new double[m * n];
        GemmThreads.split(parts, m, n, MicroKernel.ROWS, GemmThreadsTest::countWindow, 1d, null, 0, 0, 0, null, 0, 0, 0, 0d, cd, 0, n, 1);
        for (int i = 0; i < m * n; i++) {
          if (c[i] != 1 || cd[i] != 1) {
            assertEquals(1f, c[i], m + "×" + n + " in " + parts + " parts: element " + i + " (float)");
            assertEquals(1d, cd[i], m + "×" + n + " in " + parts + " parts: element " + i + " (double)");
          }
        }
      }
    }
  }

  @Test
  void windowsStartAtWholeTilesOfTheKernel() {
    // Rows at multiples of the row step the kernel gives, columns at multiples of 16: only the
    // last window of C may end in a cut tile.
    for (int rowStep : new int[] {MicroKernel.ROWS, 4}) {
      for (int[] shape : new int[][] {{1000, 256}, {784, 256}, {97, 1000}, {256, 1024}}) {
        int m = shape[0];
        int n = shape[1];
        for (int parts = 2; parts <= 5; parts++) {
          java.util.Queue<int[]> windows = new java.util.concurrent.ConcurrentLinkedQueue<>();
          GemmThreads.split(parts, m, n, rowStep,
              (alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k, i0, i1, j0, j1) ->
                  windows.add(new int[] {i0, j0}),
              1f, null, 0, 0, 0, null, 0, 0, 0, 0f, new float[0], 0, n, 1);
          assertEquals(parts, windows.size(), m + "×" + n + " in " + parts + " parts");
          for (int[] w : windows) {
            String what = m + "×" + n + " in " + parts + " parts, row step " + rowStep + ": window at " + w[0] + ", " + w[1];
            assertEquals(0, w[0] % rowStep, what);
            assertEquals(0, w[1] % GemmThreads.COLUMN_STEP, what);
          }
        }
      }
    }
  }

  @Test
  void aFailingWindowReachesTheCallerAndThePoolCarriesOn() {
    int parts = Math.max(2, WorkerPool.shared().size());
    float[] c = new float[128 * 128];
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> GemmThreads.split(
        parts, 128, 128, MicroKernel.ROWS, (alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, cc, cOff, ldc, k, i0, i1, j0, j1) -> {
          if (j0 > 0) {
            throw new IllegalStateException("window from column " + j0);
          }
        }, 1f, null, 0, 0, 0, null, 0, 0, 0, 0f, c, 0, 128, 1));
    assertEquals(true, thrown.getMessage().startsWith("window from column "), thrown.getMessage());
    GemmThreads.split(parts, 128, 128, MicroKernel.ROWS, GemmThreadsTest::countWindow, 1f, null, 0, 0, 0, null, 0, 0, 0, 0f, c, 0, 128, 1);
    assertEquals(1f, c[128 * 128 - 1]);
  }

  @Test
  void theOperandsAreNotKeptAfterTheCall() throws Exception {
    float[] c = new float[64 * 64];
    java.lang.ref.WeakReference<float[]> kept = new java.lang.ref.WeakReference<>(c);
    GemmThreads.split(2, 64, 64, MicroKernel.ROWS, GemmThreadsTest::countWindow, 1f, null, 0, 0, 0, null, 0, 0, 0, 0f, c, 0, 64, 1);
    c = null;
    for (int i = 0; i < 50 && kept.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertSame(null, kept.get(), "C is still reachable after the split");
  }

  @Test
  void splitProductsAllocateNothingOnceWarmedUp() {
    BlockedKernels kernel = new BlockedKernels(2);
    int m = 192;
    int n = 160;
    int k = 150; // 4.6 million multiply-adds: split in two
    assertEquals(2, GemmThreads.parts(2, m, n, k));
    Random random = new Random(5);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    float[] c = new float[m * n];
    double[] ad = new double[m * k];
    double[] bd = new double[k * n];
    double[] cd = new double[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat();
      ad[i] = a[i];
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextFloat();
      bd[i] = b[i];
    }
    long least = ThreadAllocation.leastAfterWarmUp(() -> {
      kernel.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
      kernel.gemm(false, false, m, n, k, 1d, ad, 0, k, bd, 0, n, 0d, cd, 0, n);
    }, 200, 10, 50);
    assertEquals(0, least, "bytes allocated by 20 split products after warming up");
  }

  private static void countWindow(
      float alpha, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
      float beta, float[] c, int cOff, int ldc, int k, int i0, int i1, int j0, int j1) {
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j++) {
        c[cOff + i * ldc + j] += alpha;
      }
    }
  }

  private static void countWindow(
      double alpha, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc, int k, int i0, int i1, int j0, int j1) {
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j++) {
        c[cOff + i * ldc + j] += alpha;
      }
    }
  }
}
