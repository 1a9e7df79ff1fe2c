package dev.descent.kernel;

/**
 * The cache-blocked loop nest of {@link BlockedKernels} over one rectangular window of C.
 *
 * <p>C(i0..i1−1, j0..j1−1) ← α·op(A)·op(B) + β·C on that window, with A(i, p) at
 * {@code a[aOff + i*ars + p*acs]}, B(p, j) at {@code b[bOff + p*brs + j*bcs]} and C(i, j) at
 * {@code c[cOff + i*ldc + j]}. Loops, outermost first:
 *
 * <ol>
 *   <li>columns in blocks of at most NC ({@value #FLOAT_NC} floats or {@value #DOUBLE_NC} doubles);
 *   <li>k in blocks of at most {@value #KC}: the kc×nc block of op(B) is packed into the thread's
 *       {@link GemmWorkspace} (at most 256 KiB, to stay in a core's L2);
 *   <li>rows in strips of {@link MicroKernel#ROWS}: the strip of C is copied into L1-resident
 *       accumulator rows (scaled by β on the first k block), updated by {@link MicroKernel} with
 *       the packed block and written back.
 * </ol>
 *
 * <p>A length that needs several blocks is cut into nearly equal ones (a multiple of 16 columns, an
 * even number of k-steps), so that no block is a thin remainder.
 *
 * <p>Every element of C therefore receives β·c and then the products α·A(i, p)·B(p, j) one at a time
 * in increasing p, the same order as {@link DirectGemm}: the result does not depend on the window,
 * so splitting C between threads cannot change a single bit.
 */
final class BlockedGemm {
  /** Depth of a packed block of B (k-steps). */
  static final int KC = 128;
  /** Width of a packed block of B, in floats. */
  static final int FLOAT_NC = 512;
  /** Width of a packed block of B, in doubles. */
  static final int DOUBLE_NC = 256;

  private static final int VECTOR_STEP = 16;

  private BlockedGemm() {}

  /**
   * The size of the blocks that cut {@code length} into as few pieces of at most {@code max} as
   * possible, made about equal and rounded up to a multiple of {@code step}.
   */
  private static int evenBlock(int length, int max, int step) {
    int blocks = (length + max - 1) / max;
    int size = (length + blocks - 1) / blocks;
    return Math.min(max, (size + step - 1) / step * step);
  }

  /** Computes the window C(i0..i1−1, j0..j1−1); requires k ≥ 1. */
  static void multiply(
      float alpha, float[] a, int aOff, int ars, int acs,
      float[] b, int bOff, int brs, int bcs,
      float beta, float[] c, int cOff, int ldc,
      int k, int i0, int i1, int j0, int j1) {
    GemmWorkspace workspace = GemmWorkspace.current();
    float[][] panel = workspace.floatPanel();
    float[][] acc = workspace.floatRows();
    int ncBlock = evenBlock(j1 - j0, FLOAT_NC, VECTOR_STEP);
    int kcBlock = evenBlock(k, KC, 2);
    for (int jc = j0; jc < j1; jc += ncBlock) {
      int nc = Math.min(ncBlock, j1 - jc);
      for (int pc = 0; pc < k; pc += kcBlock) {
        int kc = Math.min(kcBlock, k - pc);
        Packing.packB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc, panel);
        float scale = pc == 0 ? beta : 1f;
        for (int i = i0; i < i1; i += MicroKernel.ROWS) {
          int rows = Math.min(MicroKernel.ROWS, i1 - i);
          int ci = cOff + i * ldc + jc;
          for (int r = 0; r < rows; r++) {
            RowScaling.copyScaled(c, ci + r * ldc, acc[r], nc, scale);
          }
          MicroKernel.accumulate(alpha, a, aOff + i * ars + pc * acs, ars, acs, rows, panel, kc, acc, nc);
          for (int r = 0; r < rows; r++) {
            System.arraycopy(acc[r], 0, c, ci + r * ldc, nc);
          }
        }
      }
    }
  }

  /** Double-precision twin of the float {@code multiply}. */
  static void multiply(
      double alpha, double[] a, int aOff, int ars, int acs,
      double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc,
      int k, int i0, int i1, int j0, int j1) {
    GemmWorkspace workspace = GemmWorkspace.current();
    double[][] panel = workspace.doublePanel();
    double[][] acc = workspace.doubleRows();
    int ncBlock = evenBlock(j1 - j0, DOUBLE_NC, VECTOR_STEP);
    int kcBlock = evenBlock(k, KC, 2);
    for (int jc = j0; jc < j1; jc += ncBlock) {
      int nc = Math.min(ncBlock, j1 - jc);
      for (int pc = 0; pc < k; pc += kcBlock) {
        int kc = Math.min(kcBlock, k - pc);
        Packing.packB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc, panel);
        double scale = pc == 0 ? beta : 1d;
        for (int i = i0; i < i1; i += MicroKernel.ROWS) {
          int rows = Math.min(MicroKernel.ROWS, i1 - i);
          int ci = cOff + i * ldc + jc;
          for (int r = 0; r < rows; r++) {
            RowScaling.copyScaled(c, ci + r * ldc, acc[r], nc, scale);
          }
          MicroKernel.accumulate(alpha, a, aOff + i * ars + pc * acs, ars, acs, rows, panel, kc, acc, nc);
          for (int r = 0; r < rows; r++) {
            System.arraycopy(acc[r], 0, c, ci + r * ldc, nc);
          }
        }
      }
    }
  }
}
