package dev.descent.kernel;

/**
 * Copies a kc×nc block of op(B) into the contiguous row buffers that {@link MicroKernel} reads.
 *
 * <p>Element (p, j) of the block is {@code b[bIndex + p*brs + j*bcs]} and lands in
 * {@code panel[p][j]}: a row-major B ({@code bcs == 1}) is copied row by row, a transposed one is
 * gathered column by column so that its reads stay contiguous.
 */
final class Packing {
  private Packing() {}

  /** Packs the kc×nc block of B at {@code bIndex} into {@code panel[0..kc−1][0..nc−1]}. */
  static void packB(float[] b, int bIndex, int brs, int bcs, int kc, int nc, float[][] panel) {
    if (bcs == 1) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, bIndex + p * brs, panel[p], 0, nc);
      }
      return;
    }
    for (int j = 0; j < nc; j++) {
      int column = bIndex + j * bcs;
      for (int p = 0; p < kc; p++) {
        panel[p][j] = b[column + p * brs];
      }
    }
  }

  /** Double-precision twin of {@link #packB(float[], int, int, int, int, int, float[][])}. */
  static void packB(double[] b, int bIndex, int brs, int bcs, int kc, int nc, double[][] panel) {
    if (bcs == 1) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, bIndex + p * brs, panel[p], 0, nc);
      }
      return;
    }
    for (int j = 0; j < nc; j++) {
      int column = bIndex + j * bcs;
      for (int p = 0; p < kc; p++) {
        panel[p][j] = b[column + p * brs];
      }
    }
  }
}
