package dev.descent.kernel;

/**
 * The path of {@link BlockedKernels} for tiny products (a few hundred multiply-adds): it needs no
 * workspace, so a thread that only ever multiplies tiny matrices never allocates the blocked path's
 * per-thread buffers.
 *
 * <p>For each row i of C: C(i, ·) ← β·C(i, ·), then for p = 0 … k−1 in order
 * C(i, j) ← C(i, j) + (α·A(i, p))·B(p, j) for every j. That is the per-element operation sequence of
 * {@link BlockedGemm}, so both paths give bit-identical results. Operand layout as in
 * {@link BlockedGemm}.
 */
final class DirectGemm {
  private DirectGemm() {}

  /** C ← α·op(A)·op(B) + β·C for the whole m×n matrix C. */
  static void multiply(
      float alpha, float[] a, int aOff, int ars, int acs,
      float[] b, int bOff, int brs, int bcs,
      float beta, float[] c, int cOff, int ldc,
      int m, int n, int k) {
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      RowScaling.scale(c, ci, n, beta);
      int ai = aOff + i * ars;
      for (int p = 0; p < k; p++) {
        float aip = alpha * a[ai + p * acs];
        int bp = bOff + p * brs;
        for (int j = 0; j < n; j++) {
          c[ci + j] = c[ci + j] + aip * b[bp + j * bcs];
        }
      }
    }
  }

  /** Double-precision twin of the float {@code multiply}. */
  static void multiply(
      double alpha, double[] a, int aOff, int ars, int acs,
      double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc,
      int m, int n, int k) {
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      RowScaling.scale(c, ci, n, beta);
      int ai = aOff + i * ars;
      for (int p = 0; p < k; p++) {
        double aip = alpha * a[ai + p * acs];
        int bp = bOff + p * brs;
        for (int j = 0; j < n; j++) {
          c[ci + j] = c[ci + j] + aip * b[bp + j * bcs];
        }
      }
    }
  }
}
