package dev.descent.kernel;

/**
 * The register-blocked inner kernel of {@link BlockedKernels}: updates a strip of up to three rows
 * of C, held in contiguous accumulator rows, with a packed panel of B.
 *
 * <p>For rows r &lt; {@code rows} and columns j &lt; {@code w} it computes, one k-step at a time and in
 * order, {@code acc[r][j] ← acc[r][j] + (α·A(r, p))·panel[p][j]} for p = 0 … kc−1. Each step is a
 * multiply then an add rounded to the element type (Java never fuses them), so every element of C
 * sees the same sequence of operations whatever the blocking or threading around it.
 *
 * <p>A full strip does two k-steps of three rows per pass over the columns: six scaled A values stay
 * in registers while the loop over j, indexed from zero on every array, is auto-vectorised by C2
 * (JDK 17's SuperWord does not vectorise loops whose arrays are indexed from a run-time offset, nor
 * loop bodies much larger than this one), so each accumulator is loaded and stored once per two
 * k-steps. A strip of one or two rows is done a row at a time, four k-steps per pass.
 */
final class MicroKernel {
  /** Rows of C per strip. */
  static final int ROWS = 3;

  private MicroKernel() {}

  /**
   * Accumulates α·A(i..i+rows−1, 0..kc−1)·panel into {@code acc[0..rows−1][0..w−1]}, where A(r, p) is
   * {@code a[aIndex + r*ars + p*acs]} and {@code rows} is at most {@link #ROWS}.
   */
  static void accumulate(
      float alpha, float[] a, int aIndex, int ars, int acs, int rows,
      float[][] panel, int kc, float[][] acc, int w) {
    if (rows == ROWS) {
      threeRows(alpha, a, aIndex, ars, acs, panel, kc, acc[0], acc[1], acc[2], w);
    } else {
      for (int r = 0; r < rows; r++) {
        oneRow(alpha, a, aIndex + r * ars, acs, panel, kc, acc[r], w);
      }
    }
  }

  /** Double-precision twin of the float {@code accumulate}. */
  static void accumulate(
      double alpha, double[] a, int aIndex, int ars, int acs, int rows,
      double[][] panel, int kc, double[][] acc, int w) {
    if (rows == ROWS) {
      threeRows(alpha, a, aIndex, ars, acs, panel, kc, acc[0], acc[1], acc[2], w);
    } else {
      for (int r = 0; r < rows; r++) {
        oneRow(alpha, a, aIndex + r * ars, acs, panel, kc, acc[r], w);
      }
    }
  }

  private static void threeRows(
      float alpha, float[] a, int a0, int ars, int acs,
      float[][] panel, int kc, float[] c0, float[] c1, float[] c2, int w) {
    int a1 = a0 + ars;
    int a2 = a1 + ars;
    int p = 0;
    for (; p + 1 < kc; p += 2) {
      int q = p * acs;
      int r = q + acs;
      threeRowsTwoSteps(c0, c1, c2, panel[p], panel[p + 1], w,
          alpha * a[a0 + q], alpha * a[a0 + r],
          alpha * a[a1 + q], alpha * a[a1 + r],
          alpha * a[a2 + q], alpha * a[a2 + r]);
    }
    if (p < kc) {
      int q = p * acs;
      threeRowsOneStep(c0, c1, c2, panel[p], w, alpha * a[a0 + q], alpha * a[a1 + q], alpha * a[a2 + q]);
    }
  }

  private static void oneRow(
      float alpha, float[] a, int a0, int acs, float[][] panel, int kc, float[] c0, int w) {
    int p = 0;
    for (; p + 3 < kc; p += 4) {
      int q = a0 + p * acs;
      oneRowFourSteps(c0, panel[p], panel[p + 1], panel[p + 2], panel[p + 3], w,
          alpha * a[q], alpha * a[q + acs], alpha * a[q + 2 * acs], alpha * a[q + 3 * acs]);
    }
    for (; p < kc; p++) {
      oneRowOneStep(c0, panel[p], w, alpha * a[a0 + p * acs]);
    }
  }

  private static void threeRows(
      double alpha, double[] a, int a0, int ars, int acs,
      double[][] panel, int kc, double[] c0, double[] c1, double[] c2, int w) {
    int a1 = a0 + ars;
    int a2 = a1 + ars;
    int p = 0;
    for (; p + 1 < kc; p += 2) {
      int q = p * acs;
      int r = q + acs;
      threeRowsTwoSteps(c0, c1, c2, panel[p], panel[p + 1], w,
          alpha * a[a0 + q], alpha * a[a0 + r],
          alpha * a[a1 + q], alpha * a[a1 + r],
          alpha * a[a2 + q], alpha * a[a2 + r]);
    }
    if (p < kc) {
      int q = p * acs;
      threeRowsOneStep(c0, c1, c2, panel[p], w, alpha * a[a0 + q], alpha * a[a1 + q], alpha * a[a2 + q]);
    }
  }

  private static void oneRow(
      double alpha, double[] a, int a0, int acs, double[][] panel, int kc, double[] c0, int w) {
    int p = 0;
    for (; p + 3 < kc; p += 4) {
      int q = a0 + p * acs;
      oneRowFourSteps(c0, panel[p], panel[p + 1], panel[p + 2], panel[p + 3], w,
          alpha * a[q], alpha * a[q + acs], alpha * a[q + 2 * acs], alpha * a[q + 3 * acs]);
    }
    for (; p < kc; p++) {
      oneRowOneStep(c0, panel[p], w, alpha * a[a0 + p * acs]);
    }
  }

  private static void threeRowsTwoSteps(
      float[] c0, float[] c1, float[] c2, float[] b0, float[] b1, int w,
      float a00, float a01, float a10, float a11, float a20, float a21) {
    for (int j = 0; j < w; j++) {
      float x0 = b0[j];
      float x1 = b1[j];
      c0[j] = c0[j] + a00 * x0 + a01 * x1;
      c1[j] = c1[j] + a10 * x0 + a11 * x1;
      c2[j] = c2[j] + a20 * x0 + a21 * x1;
    }
  }

  private static void threeRowsOneStep(
      float[] c0, float[] c1, float[] c2, float[] b0, int w, float a00, float a10, float a20) {
    for (int j = 0; j < w; j++) {
      float x0 = b0[j];
      c0[j] = c0[j] + a00 * x0;
      c1[j] = c1[j] + a10 * x0;
      c2[j] = c2[j] + a20 * x0;
    }
  }

  private static void oneRowFourSteps(
      float[] c0, float[] b0, float[] b1, float[] b2, float[] b3, int w,
      float a00, float a01, float a02, float a03) {
    for (int j = 0; j < w; j++) {
      c0[j] = c0[j] + a00 * b0[j] + a01 * b1[j] + a02 * b2[j] + a03 * b3[j];
    }
  }

  private static void oneRowOneStep(float[] c0, float[] b0, int w, float a00) {
    for (int j = 0; j < w; j++) {
      c0[j] = c0[j] + a00 * b0[j];
    }
  }

  private static void threeRowsTwoSteps(
      double[] c0, double[] c1, double[] c2, double[] b0, double[] b1, int w,
      double a00, double a01, double a10, double a11, double a20, double a21) {
    for (int j = 0; j < w; j++) {
      double x0 = b0[j];
      double x1 = b1[j];
      c0[j] = c0[j] + a00 * x0 + a01 * x1;
      c1[j] = c1[j] + a10 * x0 + a11 * x1;
      c2[j] = c2[j] + a20 * x0 + a21 * x1;
    }
  }

  private static void threeRowsOneStep(
      double[] c0, double[] c1, double[] c2, double[] b0, int w, double a00, double a10, double a20) {
    for (int j = 0; j < w; j++) {
      double x0 = b0[j];
      c0[j] = c0[j] + a00 * x0;
      c1[j] = c1[j] + a10 * x0;
      c2[j] = c2[j] + a20 * x0;
    }
  }

  private static void oneRowFourSteps(
      double[] c0, double[] b0, double[] b1, double[] b2, double[] b3, int w,
      double a00, double a01, double a02, double a03) {
    for (int j = 0; j < w; j++) {
      c0[j] = c0[j] + a00 * b0[j] + a01 * b1[j] + a02 * b2[j] + a03 * b3[j];
    }
  }

  private static void oneRowOneStep(double[] c0, double[] b0, int w, double a00) {
    for (int j = 0; j < w; j++) {
      c0[j] = c0[j] + a00 * b0[j];
    }
  }
}
