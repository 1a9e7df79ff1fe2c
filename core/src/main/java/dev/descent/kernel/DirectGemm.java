package dev.descent.kernel;

/**
 * The path of {@link BlockedKernels} for small and skinny products: no packing, no workspace, no
 * threads, so a product of a few thousand multiply-adds, or one with a single row such as a
 * matrix-vector product, pays no per-call overhead beyond its own loops.
 *
 * <p>C is cut into register blocks: strips of four rows in blocks of two columns (then one), and
 * single rows in blocks of eight, four and one columns. A block's elements live in local
 * variables for the whole k loop, which reads A and B through their strides (any transpose), so
 * each element of C is read and written once. Per element the operations are those of {@link
 * BlockedGemm}: C(i, j) ← β·C(i, j) (β = 0 gives 0 without reading C, β = 1 leaves it as it is),
 * then C(i, j) ← C(i, j) + (α·A(i, p))·B(p, j) for p = 0 … k−1 in order, each product and sum
 * rounded to the element type. Both paths therefore give bit-identical results. Operand layout
 * as in {@link BlockedGemm}: A(i, p) at {@code a[aOff + i*ars + p*acs]}, B(p, j) at
 * {@code b[bOff + p*brs + j*bcs]}, C(i, j) at {@code c[cOff + i*ldc + j]}.
 *
 * <p>Why scalar blocks and not vector loops: JDK 17's auto-vectoriser only handles loops whose
 * arrays are all indexed by the loop variable itself, which a row at an offset in a flat matrix is
 * not; the blocked path gets there by copying into per-thread buffers, which a small product
 * cannot amortise. Eight independent accumulators keep both of a core's floating-point adders
 * and multipliers busy instead.
 */
final class DirectGemm {
  private DirectGemm() {}

  /** C ← α·op(A)·op(B) + β·C for the whole m×n matrix C. */
  static void multiply(
      float alpha, float[] a, int aOff, int ars, int acs,
      float[] b, int bOff, int brs, int bcs,
      float beta, float[] c, int cOff, int ldc,
      int m, int n, int k) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int ai = aOff + i * ars;
      int ci = cOff + i * ldc;
      int j = 0;
      for (; j + 2 <= n; j += 2) {
        fourByTwo(alpha, a, ai, ars, acs, b, bOff + j * bcs, brs, bcs, beta, c, ci + j, ldc, k);
      }
      if (j < n) {
        fourByOne(alpha, a, ai, ars, acs, b, bOff + j * bcs, brs, beta, c, ci + j, ldc, k);
      }
    }
    for (; i < m; i++) {
      oneRow(alpha, a, aOff + i * ars, acs, b, bOff, brs, bcs, beta, c, cOff + i * ldc, n, k);
    }
  }

  /** Row i of C: blocks of eight, four and one columns. */
  private static void oneRow(
      float alpha, float[] a, int ai, int acs, float[] b, int bOff, int brs, int bcs,
      float beta, float[] c, int ci, int n, int k) {
    int j = 0;
    for (; j + 8 <= n; j += 8) {
      oneByEight(alpha, a, ai, acs, b, bOff + j * bcs, brs, bcs, beta, c, ci + j, k);
    }
    if (j + 4 <= n) {
      oneByFour(alpha, a, ai, acs, b, bOff + j * bcs, brs, bcs, beta, c, ci + j, k);
      j += 4;
    }
    for (; j < n; j++) {
      oneByOne(alpha, a, ai, acs, b, bOff + j * bcs, brs, beta, c, ci + j, k);
    }
  }

  /** β·x as the blocked path scales C: 0 for β = 0 (x unread), x for β = 1. */
  private static float scaled(float beta, float[] c, int index) {
    return beta == 0 ? 0f : beta == 1 ? c[index] : beta * c[index];
  }

  private static void fourByTwo(
      float alpha, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs, int bcs,
      float beta, float[] c, int ci, int ldc, int k) {
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    float s00 = scaled(beta, c, ci);
    float s01 = scaled(beta, c, ci + 1);
    float s10 = scaled(beta, c, c1);
    float s11 = scaled(beta, c, c1 + 1);
    float s20 = scaled(beta, c, c2);
    float s21 = scaled(beta, c, c2 + 1);
    float s30 = scaled(beta, c, c3);
    float s31 = scaled(beta, c, c3 + 1);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      float a0 = alpha * a[pa];
      float a1 = alpha * a[pa + ars];
      float a2 = alpha * a[pa + 2 * ars];
      float a3 = alpha * a[pa + 3 * ars];
      float b0 = b[pb];
      float b1 = b[pb + bcs];
      s00 = s00 + a0 * b0;
      s01 = s01 + a0 * b1;
      s10 = s10 + a1 * b0;
      s11 = s11 + a1 * b1;
      s20 = s20 + a2 * b0;
      s21 = s21 + a2 * b1;
      s30 = s30 + a3 * b0;
      s31 = s31 + a3 * b1;
      pa += acs;
      pb += brs;
    }
    c[ci] = s00;
    c[ci + 1] = s01;
    c[c1] = s10;
    c[c1 + 1] = s11;
    c[c2] = s20;
    c[c2 + 1] = s21;
    c[c3] = s30;
    c[c3 + 1] = s31;
  }

  private static void fourByOne(
      float alpha, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs,
      float beta, float[] c, int ci, int ldc, int k) {
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    float s0 = scaled(beta, c, ci);
    float s1 = scaled(beta, c, c1);
    float s2 = scaled(beta, c, c2);
    float s3 = scaled(beta, c, c3);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      float b0 = b[pb];
      s0 = s0 + (alpha * a[pa]) * b0;
      s1 = s1 + (alpha * a[pa + ars]) * b0;
      s2 = s2 + (alpha * a[pa + 2 * ars]) * b0;
      s3 = s3 + (alpha * a[pa + 3 * ars]) * b0;
      pa += acs;
      pb += brs;
    }
    c[ci] = s0;
    c[c1] = s1;
    c[c2] = s2;
    c[c3] = s3;
  }

  private static void oneByEight(
      float alpha, float[] a, int ai, int acs, float[] b, int bj, int brs, int bcs,
      float beta, float[] c, int ci, int k) {
    float s0 = scaled(beta, c, ci);
    float s1 = scaled(beta, c, ci + 1);
    float s2 = scaled(beta, c, ci + 2);
    float s3 = scaled(beta, c, ci + 3);
    float s4 = scaled(beta, c, ci + 4);
    float s5 = scaled(beta, c, ci + 5);
    float s6 = scaled(beta, c, ci + 6);
    float s7 = scaled(beta, c, ci + 7);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      float a0 = alpha * a[pa];
      s0 = s0 + a0 * b[pb];
      s1 = s1 + a0 * b[pb + bcs];
      s2 = s2 + a0 * b[pb + 2 * bcs];
      s3 = s3 + a0 * b[pb + 3 * bcs];
      s4 = s4 + a0 * b[pb + 4 * bcs];
      s5 = s5 + a0 * b[pb + 5 * bcs];
      s6 = s6 + a0 * b[pb + 6 * bcs];
      s7 = s7 + a0 * b[pb + 7 * bcs];
      pa += acs;
      pb += brs;
    }
    c[ci] = s0;
    c[ci + 1] = s1;
    c[ci + 2] = s2;
    c[ci + 3] = s3;
    c[ci + 4] = s4;
    c[ci + 5] = s5;
    c[ci + 6] = s6;
    c[ci + 7] = s7;
  }

  private static void oneByFour(
      float alpha, float[] a, int ai, int acs, float[] b, int bj, int brs, int bcs,
      float beta, float[] c, int ci, int k) {
    float s0 = scaled(beta, c, ci);
    float s1 = scaled(beta, c, ci + 1);
    float s2 = scaled(beta, c, ci + 2);
    float s3 = scaled(beta, c, ci + 3);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      float a0 = alpha * a[pa];
      s0 = s0 + a0 * b[pb];
      s1 = s1 + a0 * b[pb + bcs];
      s2 = s2 + a0 * b[pb + 2 * bcs];
      s3 = s3 + a0 * b[pb + 3 * bcs];
      pa += acs;
      pb += brs;
    }
    c[ci] = s0;
    c[ci + 1] = s1;
    c[ci + 2] = s2;
    c[ci + 3] = s3;
  }

  private static void oneByOne(
      float alpha, float[] a, int ai, int acs, float[] b, int bj, int brs,
      float beta, float[] c, int ci, int k) {
    float s = scaled(beta, c, ci);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      s = s + (alpha * a[pa]) * b[pb];
      pa += acs;
      pb += brs;
    }
    c[ci] = s;
  }

  /** Double-precision twin of the float {@code multiply}. */
  static void multiply(
      double alpha, double[] a, int aOff, int ars, int acs,
      double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc,
      int m, int n, int k) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int ai = aOff + i * ars;
      int ci = cOff + i * ldc;
      int j = 0;
      for (; j + 2 <= n; j += 2) {
        fourByTwo(alpha, a, ai, ars, acs, b, bOff + j * bcs, brs, bcs, beta, c, ci + j, ldc, k);
      }
      if (j < n) {
        fourByOne(alpha, a, ai, ars, acs, b, bOff + j * bcs, brs, beta, c, ci + j, ldc, k);
      }
    }
    for (; i < m; i++) {
      oneRow(alpha, a, aOff + i * ars, acs, b, bOff, brs, bcs, beta, c, cOff + i * ldc, n, k);
    }
  }

  private static void oneRow(
      double alpha, double[] a, int ai, int acs, double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int ci, int n, int k) {
    int j = 0;
    for (; j + 8 <= n; j += 8) {
      oneByEight(alpha, a, ai, acs, b, bOff + j * bcs, brs, bcs, beta, c, ci + j, k);
    }
    if (j + 4 <= n) {
      oneByFour(alpha, a, ai, acs, b, bOff + j * bcs, brs, bcs, beta, c, ci + j, k);
      j += 4;
    }
    for (; j < n; j++) {
      oneByOne(alpha, a, ai, acs, b, bOff + j * bcs, brs, beta, c, ci + j, k);
    }
  }

  private static double scaled(double beta, double[] c, int index) {
    return beta == 0 ? 0d : beta == 1 ? c[index] : beta * c[index];
  }

  private static void fourByTwo(
      double alpha, double[] a, int ai, int ars, int acs, double[] b, int bj, int brs, int bcs,
      double beta, double[] c, int ci, int ldc, int k) {
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    double s00 = scaled(beta, c, ci);
    double s01 = scaled(beta, c, ci + 1);
    double s10 = scaled(beta, c, c1);
    double s11 = scaled(beta, c, c1 + 1);
    double s20 = scaled(beta, c, c2);
    double s21 = scaled(beta, c, c2 + 1);
    double s30 = scaled(beta, c, c3);
    double s31 = scaled(beta, c, c3 + 1);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      double a0 = alpha * a[pa];
      double a1 = alpha * a[pa + ars];
      double a2 = alpha * a[pa + 2 * ars];
      double a3 = alpha * a[pa + 3 * ars];
      double b0 = b[pb];
      double b1 = b[pb + bcs];
      s00 = s00 + a0 * b0;
      s01 = s01 + a0 * b1;
      s10 = s10 + a1 * b0;
      s11 = s11 + a1 * b1;
      s20 = s20 + a2 * b0;
      s21 = s21 + a2 * b1;
      s30 = s30 + a3 * b0;
      s31 = s31 + a3 * b1;
      pa += acs;
      pb += brs;
    }
    c[ci] = s00;
    c[ci + 1] = s01;
    c[c1] = s10;
    c[c1 + 1] = s11;
    c[c2] = s20;
    c[c2 + 1] = s21;
    c[c3] = s30;
    c[c3 + 1] = s31;
  }

  private static void fourByOne(
      double alpha, double[] a, int ai, int ars, int acs, double[] b, int bj, int brs,
      double beta, double[] c, int ci, int ldc, int k) {
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    double s0 = scaled(beta, c, ci);
    double s1 = scaled(beta, c, c1);
    double s2 = scaled(beta, c, c2);
    double s3 = scaled(beta, c, c3);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      double b0 = b[pb];
      s0 = s0 + (alpha * a[pa]) * b0;
      s1 = s1 + (alpha * a[pa + ars]) * b0;
      s2 = s2 + (alpha * a[pa + 2 * ars]) * b0;
      s3 = s3 + (alpha * a[pa + 3 * ars]) * b0;
      pa += acs;
      pb += brs;
    }
    c[ci] = s0;
    c[c1] = s1;
    c[c2] = s2;
    c[c3] = s3;
  }

  private static void oneByEight(
      double alpha, double[] a, int ai, int acs, double[] b, int bj, int brs, int bcs,
      double beta, double[] c, int ci, int k) {
    double s0 = scaled(beta, c, ci);
    double s1 = scaled(beta, c, ci + 1);
    double s2 = scaled(beta, c, ci + 2);
    double s3 = scaled(beta, c, ci + 3);
    double s4 = scaled(beta, c, ci + 4);
    double s5 = scaled(beta, c, ci + 5);
    double s6 = scaled(beta, c, ci + 6);
    double s7 = scaled(beta, c, ci + 7);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      double a0 = alpha * a[pa];
      s0 = s0 + a0 * b[pb];
      s1 = s1 + a0 * b[pb + bcs];
      s2 = s2 + a0 * b[pb + 2 * bcs];
      s3 = s3 + a0 * b[pb + 3 * bcs];
      s4 = s4 + a0 * b[pb + 4 * bcs];
      s5 = s5 + a0 * b[pb + 5 * bcs];
      s6 = s6 + a0 * b[pb + 6 * bcs];
      s7 = s7 + a0 * b[pb + 7 * bcs];
      pa += acs;
      pb += brs;
    }
    c[ci] = s0;
    c[ci + 1] = s1;
    c[ci + 2] = s2;
    c[ci + 3] = s3;
    c[ci + 4] = s4;
    c[ci + 5] = s5;
    c[ci + 6] = s6;
    c[ci + 7] = s7;
  }

  private static void oneByFour(
      double alpha, double[] a, int ai, int acs, double[] b, int bj, int brs, int bcs,
      double beta, double[] c, int ci, int k) {
    double s0 = scaled(beta, c, ci);
    double s1 = scaled(beta, c, ci + 1);
    double s2 = scaled(beta, c, ci + 2);
    double s3 = scaled(beta, c, ci + 3);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      double a0 = alpha * a[pa];
      s0 = s0 + a0 * b[pb];
      s1 = s1 + a0 * b[pb + bcs];
      s2 = s2 + a0 * b[pb + 2 * bcs];
      s3 = s3 + a0 * b[pb + 3 * bcs];
      pa += acs;
      pb += brs;
    }
    c[ci] = s0;
    c[ci + 1] = s1;
    c[ci + 2] = s2;
    c[ci + 3] = s3;
  }

  private static void oneByOne(
      double alpha, double[] a, int ai, int acs, double[] b, int bj, int brs,
      double beta, double[] c, int ci, int k) {
    double s = scaled(beta, c, ci);
    int pa = ai;
    int pb = bj;
    for (int p = 0; p < k; p++) {
      s = s + (alpha * a[pa]) * b[pb];
      pa += acs;
      pb += brs;
    }
    c[ci] = s;
  }
}
