package dev.descent.kernel;

import dev.descent.concurrent.RangeBody;
import dev.descent.concurrent.WorkerPool;

/**
 * Splits a large product's C between the threads of {@link WorkerPool#shared()}, allocating nothing.
 *
 * <p>C is cut into {@code parts} windows of nearly equal size along its longer side, at multiples of
 * {@value #COLUMN_STEP} columns (whole vector widths) or of the kernel's row step (the height of its
 * tiles, {@link MicroKernel#ROWS} rows for the {@code blocked} kernel, so that no window but the
 * last ends in a cut tile or in the rarely taken code for leftover rows). The windows are dealt in
 * contiguous runs to the calling thread and the pool's workers (more windows than participants
 * simply makes some runs longer), and the call returns when all are done. The split is never along
 * k, so each element of C is computed by one thread in the same order as without threads.
 *
 * <p>The kernel hands over its product as a method ({@link FloatWindows}, {@link DoubleWindows})
 * and its arguments, which are held for the length of the call in a slot owned by the pool's lock:
 * no lambda capturing them, no task objects, so a training step that splits its products leaves
 * no garbage. Calls from several threads are served one at a time.
 */
public final class GemmThreads {
  /** Products with fewer multiply-adds than this stay on the calling thread. */
  static final long PARALLEL_WORK = 1L << 22;

  static final int COLUMN_STEP = 16;
  private static final int MIN_PART = 64;

  private GemmThreads() {}

  /**
   * A float product over the window C(i0..i1−1, j0..j1−1): C ← α·op(A)·op(B) + β·C there, with A(i,
   * p) at {@code a[aOff + i*ars + p*acs]}, B(p, j) at {@code b[bOff + p*brs + j*bcs]} and C(i, j) at
   * {@code c[cOff + i*ldc + j]}.
   */
  @FunctionalInterface
  public interface FloatWindows {
    void multiply(
        float alpha, float[] a, int aOff, int ars, int acs,
        float[] b, int bOff, int brs, int bcs,
        float beta, float[] c, int cOff, int ldc,
        int k, int i0, int i1, int j0, int j1);
  }

  /** Double-precision twin of {@link FloatWindows}. */
  @FunctionalInterface
  public interface DoubleWindows {
    void multiply(
        double alpha, double[] a, int aOff, int ars, int acs,
        double[] b, int bOff, int brs, int bcs,
        double beta, double[] c, int cOff, int ldc,
        int k, int i0, int i1, int j0, int j1);
  }

  /** How many windows an m×n×k product is worth splitting into, at most {@code threads}. */
  public static int parts(int threads, int m, int n, int k) {
    return parts(threads, m, n, k, PARALLEL_WORK);
  }

  /**
   * How many windows an m×n×k product is worth splitting into, at most {@code threads}, when it pays
   * from {@code minWork} multiply-adds: below {@link #PARALLEL_WORK} for products bound by memory
   * rather than arithmetic, such as an outer product (k = 1), which writes a value of C per
   * multiply-add.
   */
  public static int parts(int threads, int m, int n, int k, long minWork) {
    if (threads < 2 || (long) m * n * k < minWork) {
      return 1;
    }
    return Math.max(1, Math.min(threads, Math.max(m, n) / MIN_PART));
  }

  /**
   * Computes the m×n matrix C as {@code parts} windows of {@code product} on the shared pool, cut
   * by rows at multiples of {@code rowStep}.
   */
  public static void split(
      int parts, int m, int n, int rowStep, FloatWindows product,
      float alpha, float[] a, int aOff, int ars, int acs,
      float[] b, int bOff, int brs, int bcs,
      float beta, float[] c, int cOff, int ldc, int k) {
    WorkerPool pool = WorkerPool.shared();
    synchronized (pool) {
      Split.CALL.floats(product, alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k);
      Split.CALL.run(pool, parts, m, n, rowStep);
    }
  }

  /** Double-precision twin of {@link #split(int, int, int, int, FloatWindows, float, float[], int, int, int, float[], int, int, int, float, float[], int, int, int)}. */
  public static void split(
      int parts, int m, int n, int rowStep, DoubleWindows product,
      double alpha, double[] a, int aOff, int ars, int acs,
      double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc, int k) {
    WorkerPool pool = WorkerPool.shared();
    synchronized (pool) {
      Split.CALL.doubles(product, alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k);
      Split.CALL.run(pool, parts, m, n, rowStep);
    }
  }

  /** The first index of window {@code part} of {@code parts} along a side of {@code length}. */
  static int boundary(int part, int parts, int length, int step) {
    if (part >= parts) {
      return length;
    }
    long even = (long) length * part / parts;
    return (int) Math.min(length, (even + step / 2) / step * step);
  }

  /**
   * The product being split: its arguments and how C is cut, set under the pool's lock and cleared
   * before the lock is released (so no caller's arrays stay reachable). Participant w runs the
   * windows {@code [starts[w], ends[w])}.
   */
  private static final class Split implements RangeBody {
    static final Split CALL = new Split(WorkerPool.shared().size());

    private final int[] starts;
    private final int[] ends;
    private FloatWindows floatProduct;
    private DoubleWindows doubleProduct;
    private float alphaF;
    private float betaF;
    private float[] aF;
    private float[] bF;
    private float[] cF;
    private double alphaD;
    private double betaD;
    private double[] aD;
    private double[] bD;
    private double[] cD;
    private int aOff;
    private int ars;
    private int acs;
    private int bOff;
    private int brs;
    private int bcs;
    private int cOff;
    private int ldc;
    private int k;
    private int parts;
    private int m;
    private int n;
    private int rowStep;
    private boolean byColumns;

    private Split(int participants) {
      starts = new int[participants];
      ends = new int[participants];
    }

    void floats(
        FloatWindows product, float alpha, float[] a, int aOff, int ars, int acs,
        float[] b, int bOff, int brs, int bcs, float beta, float[] c, int cOff, int ldc, int k) {
      floatProduct = product;
      alphaF = alpha;
      aF = a;
      bF = b;
      betaF = beta;
      cF = c;
      operands(aOff, ars, acs, bOff, brs, bcs, cOff, ldc, k);
    }

    void doubles(
        DoubleWindows product, double alpha, double[] a, int aOff, int ars, int acs,
        double[] b, int bOff, int brs, int bcs, double beta, double[] c, int cOff, int ldc, int k) {
      doubleProduct = product;
      alphaD = alpha;
      aD = a;
      bD = b;
      betaD = beta;
      cD = c;
      operands(aOff, ars, acs, bOff, brs, bcs, cOff, ldc, k);
    }

    private void operands(int aOff, int ars, int acs, int bOff, int brs, int bcs, int cOff, int ldc, int k) {
      this.aOff = aOff;
      this.ars = ars;
      this.acs = acs;
      this.bOff = bOff;
      this.brs = brs;
      this.bcs = bcs;
      this.cOff = cOff;
      this.ldc = ldc;
      this.k = k;
    }

    /** Deals the windows to the participants, runs them and forgets the operands. */
    void run(WorkerPool pool, int parts, int m, int n, int rowStep) {
      this.parts = parts;
      this.m = m;
      this.n = n;
      this.rowStep = rowStep;
      byColumns = n >= m;
      int participants = Math.min(parts, pool.size());
      for (int w = 0; w < participants; w++) {
        starts[w] = parts * w / participants;
        ends[w] = parts * (w + 1) / participants;
      }
      try {
        pool.invoke(this, participants, starts, ends);
      } finally {
        floatProduct = null;
        doubleProduct = null;
        aF = null;
        bF = null;
        cF = null;
        aD = null;
        bD = null;
        cD = null;
      }
    }

    @Override
    public void run(int from, int to, int worker) {
      int length = byColumns ? n : m;
      int step = byColumns ? COLUMN_STEP : rowStep;
      for (int part = from; part < to; part++) {
        int lo = boundary(part, parts, length, step);
        int hi = boundary(part + 1, parts, length, step);
        if (byColumns) {
          window(0, m, lo, hi);
        } else {
          window(lo, hi, 0, n);
        }
      }
    }

    private void window(int i0, int i1, int j0, int j1) {
      if (i0 >= i1 || j0 >= j1) {
        return;
      }
      if (floatProduct != null) {
        floatProduct.multiply(alphaF, aF, aOff, ars, acs, bF, bOff, brs, bcs, betaF, cF, cOff, ldc, k, i0, i1, j0, j1);
      } else {
        doubleProduct.multiply(alphaD, aD, aOff, ars, acs, bD, bOff, brs, bcs, betaD, cD, cOff, ldc, k, i0, i1, j0, j1);
      }
    }
  }
}
