package dev.descent.kernel.vector;

import dev.descent.kernel.GemmThreads;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The double path for a small C from long rows, C ← α·A·Bᵀ + β·C with A of m×k and B of n×k both
 * read along k (the weight gradient ∂L/∂W = Xᵀ·G of a narrow layer held feature-major, k being the
 * batch): each element of C is a dot product of two contiguous rows, computed in vector lanes.
 *
 * <p>The loops over C elsewhere keep one chain per element of C and fill vectors across C's
 * columns; a C of a few columns fills few of them, and its long chains wait on each fused
 * multiply-add's latency. Here the lanes run along k instead. Each element has two vector
 * accumulators, taking the whole vectors of its rows in turn (vectors 0, 2, 4, … and 1, 3, 5, …)
 * with one fused multiply-add per lane, in order of p; then the two are added, their lanes summed
 * from the first to the last, the last k mod L terms added one by one with {@link Math#fma} in
 * order of p, and finally C(i, j) ← α·s + β·C(i, j) (zero β does not read C). The order depends on
 * k alone, so results do not depend on the thread count or on where C is cut. The loops along k
 * run to a bound computed before them ({@code p < whole}, not {@code p + STEP <= k}, which may
 * overflow), so that C2 treats them as counted loops and moves the bounds checks out. Elements are
 * computed two rows by two columns at a time, eight independent chains sharing each row's loads
 * (a last odd row two columns at a time, four chains). In 512-bit vectors, the loads of misaligned
 * vectors rather than the multiply-adds bound the loop, and larger blocks come first: four rows by
 * five columns (nine loads for twenty multiply-adds), then two rows by four (six for eight). On the
 * weight gradient of a 2-10-5-1 network's 10→5 layer over 300 examples (10×5 from rows of 300), the
 * two made the product 1.25 µs instead of 1.46, then 1.0.
 *
 * <p>L is {@value #SUM_LANES}, the lanes of a {@value Lanes#BITS}-bit vector, whatever the width the
 * kernel computes in ({@link Lanes}), so the bits are the same on every processor. Where the
 * vectors are twice that wide (AVX-512), one vector holds both accumulators of an element, the
 * first L lanes taking the even vectors and the last L the odd ones: each step takes 2L elements,
 * as before, and the same lanes meet the same terms. The vector is stored in a per-thread buffer
 * ({@link Workspace}); a last odd vector of L terms goes into the first half lane by lane with
 * {@link Math#fma}, and each of the first L lanes is added to its partner in the second half before
 * the lanes are summed, as the two accumulators are otherwise.
 *
 * <p>{@link #multiplyWithSums}, in 512-bit vectors, also sums each row of B (a layer's bias gradient,
 * the row sums of the gradient G whose products with X give the weight gradient) while the blocks of
 * A's first two rows read it: each sum in an accumulator of its own, in the order above, with an
 * addition where a dot product has a fused multiply-add, so that a sum gets the bits of the dot
 * product of a row of ones with the row of B ({@code Math.fma(1, y, s)} is y + s rounded once, as
 * {@code y + s} is).
 */
final class DoubleDots {
  private static final VectorSpecies<Double> SPECIES = Lanes.DOUBLES;
  /** The lanes of the partial sums: those of a {@value Lanes#BITS}-bit vector. */
  static final int SUM_LANES = Lanes.BITS / Double.SIZE;
  /** Elements of a row taken per step: one vector of each accumulator. */
  private static final int STEP = 2 * SUM_LANES;
  /**
   * Whether one vector holds both accumulators (512-bit vectors) rather than one; only then are B's
   * row sums taken with the products ({@link #multiplyWithSums}).
   */
  static final boolean WIDE = SPECIES.length() == STEP;

  static {
    if (!WIDE && SPECIES.length() != SUM_LANES) {
      throw new IllegalStateException("vector kernel: dot products need " + SUM_LANES + " or " + STEP
          + " lanes, not " + SPECIES.length() + " (" + SPECIES + ")");
    }
  }

  private DoubleDots() {}

  /**
   * Rows i0 … i1−1 and columns j0 … j1−1 of C ← α·A·Bᵀ + β·C, as a {@link GemmThreads.DoubleWindows}
   * with A(i, p) at a[aOff + i·ars + p] and Bᵀ(p, j) at b[bOff + p + j·bcs] (acs and brs are 1).
   */
  static void multiply(
      double alpha, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc, int k, int i0, int i1, int j0, int j1) {
    multiply(i1 - i0, j1 - j0, k, alpha, a, aOff + i0 * ars, ars, b, bOff + j0 * bcs, bcs, beta, c,
        cOff + i0 * ldc + j0, ldc);
  }

  /**
   * C ← A·Bᵀ (α = 1, β = 0) and r[rOff + j] ← Σ_p B(j, p), each the bits of the dot product of a row
   * of k ones with row j of B, for A of m×k (row stride lda) and B of n×k (row stride ldb); requires
   * m ≥ 2, n, k ≥ 1 and {@link #WIDE}: in 256-bit vectors the sums' accumulators do not fit in the
   * registers beside the products' (16 on AVX2); with them the 10×5 product from rows of 300 took 2.0
   * to 2.7 µs instead of 1.3 to 1.7, more than the separate sums cost.
   */
  static void multiplyWithSums(
      int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] c, int cOff, int ldc, double[] r, int rOff) {
    if (!WIDE) {
      throw new IllegalStateException("row sums with the products need 512-bit vectors");
    }
    multiply(m, n, k, 1, a, aOff, lda, b, bOff, ldb, 0, c, cOff, ldc, r, rOff);
  }

  /** C ← α·A·Bᵀ + β·C for A of m×k (row stride lda) and B of n×k (row stride ldb); requires m, n, k ≥ 1. */
  private static void multiply(
      int m, int n, int k, double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
    multiply(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, null, 0);
  }

  /**
   * C ← α·A·Bᵀ + β·C, and B's row sums into r from rOff unless r is null (then m ≥ 2), summed by the
   * blocks of A's first two rows.
   */
  private static void multiply(
      int m, int n, int k, double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc, double[] r, int rOff) {
    double[] sums = WIDE ? Workspace.current().doubleTile(6 * STEP) : null;
    int i = 0;
    while (i + 2 <= m) {
      int a0 = aOff + i * lda;
      int c0 = cOff + i * ldc;
      if (WIDE && i + 4 <= m && n >= 5 && (r == null || i > 0)) {
        int j = 0;
        for (; j + 5 <= n; j += 5) {
          fourByFiveWide(k, alpha, a, a0, lda, b, bOff + j * ldb, ldb, beta, c, c0 + j, ldc, sums);
        }
        twoRows(j, n, k, alpha, a, a0, lda, b, bOff, ldb, beta, c, c0, ldc, sums, null, 0);
        twoRows(j, n, k, alpha, a, a0 + 2 * lda, lda, b, bOff, ldb, beta, c, c0 + 2 * ldc, ldc, sums, null, 0);
        i += 4;
      } else {
        twoRows(0, n, k, alpha, a, a0, lda, b, bOff, ldb, beta, c, c0, ldc, sums, i == 0 ? r : null, rOff);
        i += 2;
      }
    }
    if (i < m) {
      int ai = aOff + i * lda;
      int ci = cOff + i * ldc;
      int j = 0;
      for (; j + 2 <= n; j += 2) {
        // C(i, j..j+1): A's row against two rows of B is twoByOne with the operands exchanged,
        // the two results side by side (fma and the dot products are symmetric, so the bits agree)
        twoByOne(k, alpha, b, bOff + j * ldb, ldb, a, ai, beta, c, ci + j, 1, sums, null, 0);
      }
      if (j < n) {
        oneByOne(k, alpha, a, ai, b, bOff + j * ldb, beta, c, ci + j, sums);
      }
    }
  }

  /**
   * C(i..i+1, j0..n−1) with A's rows from a0 and C's from c0 (B's rows from bOff, all n of them):
   * two rows by four columns, then two, then one; B's row sums into r from rOff unless r is null.
   */
  private static void twoRows(
      int j0, int n, int k, double alpha, double[] a, int a0, int lda, double[] b, int bOff, int ldb,
      double beta, double[] c, int c0, int ldc, double[] sums, double[] r, int rOff) {
    int j = j0;
    for (; WIDE && j + 4 <= n; j += 4) {
      twoByFourWide(k, alpha, a, a0, lda, b, bOff + j * ldb, ldb, beta, c, c0 + j, ldc, sums, r, rOff + j);
    }
    for (; j + 2 <= n; j += 2) {
      twoByTwo(k, alpha, a, a0, lda, b, bOff + j * ldb, ldb, beta, c, c0 + j, ldc, sums, r, rOff + j);
    }
    if (j < n) {
      twoByOne(k, alpha, a, a0, lda, b, bOff + j * ldb, beta, c, c0 + j, ldc, sums, r, rOff + j);
    }
  }

  /** C(i, j) with A's row from ai and B's from bj. */
  private static void oneByOne(
      int k, double alpha, double[] a, int ai, double[] b, int bj, double beta, double[] c, int ci, double[] sums) {
    if (WIDE) {
      oneByOneWide(k, alpha, a, ai, b, bj, beta, c, ci, sums);
      return;
    }
    DoubleVector s0 = DoubleVector.zero(SPECIES);
    DoubleVector s1 = s0;
    int whole = k - k % STEP;
    int p = 0;
    for (; p < whole; p += STEP) {
      s0 = DoubleVector.fromArray(SPECIES, a, ai + p).fma(DoubleVector.fromArray(SPECIES, b, bj + p), s0);
      s1 = DoubleVector.fromArray(SPECIES, a, ai + p + SUM_LANES).fma(DoubleVector.fromArray(SPECIES, b, bj + p + SUM_LANES), s1);
    }
    if (p + SUM_LANES <= k) {
      s0 = DoubleVector.fromArray(SPECIES, a, ai + p).fma(DoubleVector.fromArray(SPECIES, b, bj + p), s0);
    }
    c[ci] = finish(k, alpha, a, ai, b, bj, s0, s1, beta, c[ci]);
  }

  /**
   * C(i..i+1, j..j+1) with A's rows from a0 and B's from b0; B's two row sums into r at at unless r
   * is null, which it is in 256-bit vectors ({@link #multiplyWithSums}).
   */
  private static void twoByTwo(
      int k, double alpha, double[] a, int a0, int lda, double[] b, int b0, int ldb,
      double beta, double[] c, int c0, int ldc, double[] sums, double[] r, int at) {
    if (WIDE) {
      twoByTwoWide(k, alpha, a, a0, lda, b, b0, ldb, beta, c, c0, ldc, sums, r, at);
      return;
    }
    int a1 = a0 + lda;
    int b1 = b0 + ldb;
    DoubleVector s00 = DoubleVector.zero(SPECIES);
    DoubleVector s01 = s00;
    DoubleVector s10 = s00;
    DoubleVector s11 = s00;
    DoubleVector t00 = s00;
    DoubleVector t01 = s00;
    DoubleVector t10 = s00;
    DoubleVector t11 = s00;
    int whole = k - k % STEP;
    int p = 0;
    for (; p < whole; p += STEP) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, a0 + p);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, a1 + p);
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, b, b0 + p);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, b, b1 + p);
      s00 = x0.fma(y0, s00);
      s01 = x0.fma(y1, s01);
      s10 = x1.fma(y0, s10);
      s11 = x1.fma(y1, s11);
      x0 = DoubleVector.fromArray(SPECIES, a, a0 + p + SUM_LANES);
      x1 = DoubleVector.fromArray(SPECIES, a, a1 + p + SUM_LANES);
      y0 = DoubleVector.fromArray(SPECIES, b, b0 + p + SUM_LANES);
      y1 = DoubleVector.fromArray(SPECIES, b, b1 + p + SUM_LANES);
      t00 = x0.fma(y0, t00);
      t01 = x0.fma(y1, t01);
      t10 = x1.fma(y0, t10);
      t11 = x1.fma(y1, t11);
    }
    if (p + SUM_LANES <= k) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, a0 + p);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, a1 + p);
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, b, b0 + p);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, b, b1 + p);
      s00 = x0.fma(y0, s00);
      s01 = x0.fma(y1, s01);
      s10 = x1.fma(y0, s10);
      s11 = x1.fma(y1, s11);
    }
    c[c0] = finish(k, alpha, a, a0, b, b0, s00, t00, beta, c[c0]);
    c[c0 + 1] = finish(k, alpha, a, a0, b, b1, s01, t01, beta, c[c0 + 1]);
    c[c0 + ldc] = finish(k, alpha, a, a1, b, b0, s10, t10, beta, c[c0 + ldc]);
    c[c0 + ldc + 1] = finish(k, alpha, a, a1, b, b1, s11, t11, beta, c[c0 + ldc + 1]);
  }

  /**
   * C(i..i+1, j) with A's rows from a0 and B's row from bj; B's row sum into r at at unless r is null,
   * which it is in 256-bit vectors ({@link #multiplyWithSums}).
   */
  private static void twoByOne(
      int k, double alpha, double[] a, int a0, int lda, double[] b, int bj,
      double beta, double[] c, int c0, int ldc, double[] sums, double[] r, int at) {
    if (WIDE) {
      twoByOneWide(k, alpha, a, a0, lda, b, bj, beta, c, c0, ldc, sums, r, at);
      return;
    }
    int a1 = a0 + lda;
    DoubleVector s0 = DoubleVector.zero(SPECIES);
    DoubleVector s1 = s0;
    DoubleVector t0 = s0;
    DoubleVector t1 = s0;
    int whole = k - k % STEP;
    int p = 0;
    for (; p < whole; p += STEP) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, b, bj + p);
      s0 = DoubleVector.fromArray(SPECIES, a, a0 + p).fma(y, s0);
      s1 = DoubleVector.fromArray(SPECIES, a, a1 + p).fma(y, s1);
      y = DoubleVector.fromArray(SPECIES, b, bj + p + SUM_LANES);
      t0 = DoubleVector.fromArray(SPECIES, a, a0 + p + SUM_LANES).fma(y, t0);
      t1 = DoubleVector.fromArray(SPECIES, a, a1 + p + SUM_LANES).fma(y, t1);
    }
    if (p + SUM_LANES <= k) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, b, bj + p);
      s0 = DoubleVector.fromArray(SPECIES, a, a0 + p).fma(y, s0);
      s1 = DoubleVector.fromArray(SPECIES, a, a1 + p).fma(y, s1);
    }
    c[c0] = finish(k, alpha, a, a0, b, bj, s0, t0, beta, c[c0]);
    c[c0 + ldc] = finish(k, alpha, a, a1, b, bj, s1, t1, beta, c[c0 + ldc]);
  }

  /** {@link #oneByOne} with both accumulators in one vector. */
  private static void oneByOneWide(
      int k, double alpha, double[] a, int ai, double[] b, int bj, double beta, double[] c, int ci, double[] sums) {
    DoubleVector u = DoubleVector.zero(SPECIES);
    int whole = k - k % STEP;
    for (int p = 0; p < whole; p += STEP) {
      u = DoubleVector.fromArray(SPECIES, a, ai + p).fma(DoubleVector.fromArray(SPECIES, b, bj + p), u);
    }
    u.intoArray(sums, 0);
    c[ci] = finishWide(k, alpha, a, ai, b, bj, sums, 0, beta, c[ci]);
  }

  /** {@link #twoByTwo} with both accumulators of each element in one vector. */
  private static void twoByTwoWide(
      int k, double alpha, double[] a, int a0, int lda, double[] b, int b0, int ldb,
      double beta, double[] c, int c0, int ldc, double[] sums, double[] r, int at) {
    boolean summing = r != null;
    int a1 = a0 + lda;
    int b1 = b0 + ldb;
    DoubleVector u00 = DoubleVector.zero(SPECIES);
    DoubleVector u01 = u00;
    DoubleVector u10 = u00;
    DoubleVector u11 = u00;
    DoubleVector v0 = u00;
    DoubleVector v1 = u00;
    int whole = k - k % STEP;
    for (int p = 0; p < whole; p += STEP) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, a0 + p);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, a1 + p);
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, b, b0 + p);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, b, b1 + p);
      u00 = x0.fma(y0, u00);
      u01 = x0.fma(y1, u01);
      u10 = x1.fma(y0, u10);
      u11 = x1.fma(y1, u11);
      v0 = v0.add(y0);
      v1 = v1.add(y1);
    }
    u00.intoArray(sums, 0);
    u01.intoArray(sums, STEP);
    u10.intoArray(sums, 2 * STEP);
    u11.intoArray(sums, 3 * STEP);
    c[c0] = finishWide(k, alpha, a, a0, b, b0, sums, 0, beta, c[c0]);
    c[c0 + 1] = finishWide(k, alpha, a, a0, b, b1, sums, STEP, beta, c[c0 + 1]);
    c[c0 + ldc] = finishWide(k, alpha, a, a1, b, b0, sums, 2 * STEP, beta, c[c0 + ldc]);
    c[c0 + ldc + 1] = finishWide(k, alpha, a, a1, b, b1, sums, 3 * STEP, beta, c[c0 + ldc + 1]);
    if (summing) {
      v0.intoArray(sums, 4 * STEP);
      v1.intoArray(sums, 5 * STEP);
      r[at] = finishWide(k, 1, null, 0, b, b0, sums, 4 * STEP, 0, 0);
      r[at + 1] = finishWide(k, 1, null, 0, b, b1, sums, 5 * STEP, 0, 0);
    }
  }

  /**
   * C(i..i+1, j..j+3) with A's rows from a0 and B's from b0, both accumulators of each element in
   * one vector: six loads for eight fused multiply-adds, where two {@link #twoByTwoWide} take eight.
   * B's four row sums into r at at unless r is null.
   */
  private static void twoByFourWide(
      int k, double alpha, double[] a, int a0, int lda, double[] b, int b0, int ldb,
      double beta, double[] c, int c0, int ldc, double[] sums, double[] r, int at) {
    int a1 = a0 + lda;
    int b1 = b0 + ldb;
    int b2 = b1 + ldb;
    int b3 = b2 + ldb;
    DoubleVector u00 = DoubleVector.zero(SPECIES);
    DoubleVector u01 = u00;
    DoubleVector u02 = u00;
    DoubleVector u03 = u00;
    DoubleVector u10 = u00;
    DoubleVector u11 = u00;
    DoubleVector u12 = u00;
    DoubleVector u13 = u00;
    DoubleVector v0 = u00;
    DoubleVector v1 = u00;
    DoubleVector v2 = u00;
    DoubleVector v3 = u00;
    int whole = k - k % STEP;
    for (int p = 0; p < whole; p += STEP) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, a0 + p);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, a1 + p);
      DoubleVector y = DoubleVector.fromArray(SPECIES, b, b0 + p);
      u00 = x0.fma(y, u00);
      u10 = x1.fma(y, u10);
      v0 = v0.add(y);
      y = DoubleVector.fromArray(SPECIES, b, b1 + p);
      u01 = x0.fma(y, u01);
      u11 = x1.fma(y, u11);
      v1 = v1.add(y);
      y = DoubleVector.fromArray(SPECIES, b, b2 + p);
      u02 = x0.fma(y, u02);
      u12 = x1.fma(y, u12);
      v2 = v2.add(y);
      y = DoubleVector.fromArray(SPECIES, b, b3 + p);
      u03 = x0.fma(y, u03);
      u13 = x1.fma(y, u13);
      v3 = v3.add(y);
    }
    u00.intoArray(sums, 0);
    u01.intoArray(sums, STEP);
    u02.intoArray(sums, 2 * STEP);
    u03.intoArray(sums, 3 * STEP);
    c[c0] = finishWide(k, alpha, a, a0, b, b0, sums, 0, beta, c[c0]);
    c[c0 + 1] = finishWide(k, alpha, a, a0, b, b1, sums, STEP, beta, c[c0 + 1]);
    c[c0 + 2] = finishWide(k, alpha, a, a0, b, b2, sums, 2 * STEP, beta, c[c0 + 2]);
    c[c0 + 3] = finishWide(k, alpha, a, a0, b, b3, sums, 3 * STEP, beta, c[c0 + 3]);
    u10.intoArray(sums, 0);
    u11.intoArray(sums, STEP);
    u12.intoArray(sums, 2 * STEP);
    u13.intoArray(sums, 3 * STEP);
    c[c0 + ldc] = finishWide(k, alpha, a, a1, b, b0, sums, 0, beta, c[c0 + ldc]);
    c[c0 + ldc + 1] = finishWide(k, alpha, a, a1, b, b1, sums, STEP, beta, c[c0 + ldc + 1]);
    c[c0 + ldc + 2] = finishWide(k, alpha, a, a1, b, b2, sums, 2 * STEP, beta, c[c0 + ldc + 2]);
    c[c0 + ldc + 3] = finishWide(k, alpha, a, a1, b, b3, sums, 3 * STEP, beta, c[c0 + ldc + 3]);
    if (r != null) {
      v0.intoArray(sums, 0);
      v1.intoArray(sums, STEP);
      v2.intoArray(sums, 2 * STEP);
      v3.intoArray(sums, 3 * STEP);
      r[at] = finishWide(k, 1, null, 0, b, b0, sums, 0, 0, 0);
      r[at + 1] = finishWide(k, 1, null, 0, b, b1, sums, STEP, 0, 0);
      r[at + 2] = finishWide(k, 1, null, 0, b, b2, sums, 2 * STEP, 0, 0);
      r[at + 3] = finishWide(k, 1, null, 0, b, b3, sums, 3 * STEP, 0, 0);
    }
  }

  /**
   * C(i..i+3, j..j+4) with A's rows from a0 and B's from b0, both accumulators of each element in
   * one vector: nine loads for twenty fused multiply-adds (twenty accumulators and five operands in
   * 32 registers).
   */
  private static void fourByFiveWide(
      int k, double alpha, double[] a, int a0, int lda, double[] b, int b0, int ldb,
      double beta, double[] c, int c0, int ldc, double[] sums) {
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int b1 = b0 + ldb;
    int b2 = b1 + ldb;
    int b3 = b2 + ldb;
    int b4 = b3 + ldb;
    DoubleVector u00 = DoubleVector.zero(SPECIES);
    DoubleVector u01 = u00;
    DoubleVector u02 = u00;
    DoubleVector u03 = u00;
    DoubleVector u04 = u00;
    DoubleVector u10 = u00;
    DoubleVector u11 = u00;
    DoubleVector u12 = u00;
    DoubleVector u13 = u00;
    DoubleVector u14 = u00;
    DoubleVector u20 = u00;
    DoubleVector u21 = u00;
    DoubleVector u22 = u00;
    DoubleVector u23 = u00;
    DoubleVector u24 = u00;
    DoubleVector u30 = u00;
    DoubleVector u31 = u00;
    DoubleVector u32 = u00;
    DoubleVector u33 = u00;
    DoubleVector u34 = u00;
    int whole = k - k % STEP;
    for (int p = 0; p < whole; p += STEP) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, a0 + p);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, a1 + p);
      DoubleVector x2 = DoubleVector.fromArray(SPECIES, a, a2 + p);
      DoubleVector x3 = DoubleVector.fromArray(SPECIES, a, a3 + p);
      DoubleVector y = DoubleVector.fromArray(SPECIES, b, b0 + p);
      u00 = x0.fma(y, u00);
      u10 = x1.fma(y, u10);
      u20 = x2.fma(y, u20);
      u30 = x3.fma(y, u30);
      y = DoubleVector.fromArray(SPECIES, b, b1 + p);
      u01 = x0.fma(y, u01);
      u11 = x1.fma(y, u11);
      u21 = x2.fma(y, u21);
      u31 = x3.fma(y, u31);
      y = DoubleVector.fromArray(SPECIES, b, b2 + p);
      u02 = x0.fma(y, u02);
      u12 = x1.fma(y, u12);
      u22 = x2.fma(y, u22);
      u32 = x3.fma(y, u32);
      y = DoubleVector.fromArray(SPECIES, b, b3 + p);
      u03 = x0.fma(y, u03);
      u13 = x1.fma(y, u13);
      u23 = x2.fma(y, u23);
      u33 = x3.fma(y, u33);
      y = DoubleVector.fromArray(SPECIES, b, b4 + p);
      u04 = x0.fma(y, u04);
      u14 = x1.fma(y, u14);
      u24 = x2.fma(y, u24);
      u34 = x3.fma(y, u34);
    }
    u00.intoArray(sums, 0);
    u01.intoArray(sums, STEP);
    u02.intoArray(sums, 2 * STEP);
    u03.intoArray(sums, 3 * STEP);
    u04.intoArray(sums, 4 * STEP);
    c[c0] = finishWide(k, alpha, a, a0, b, b0, sums, 0, beta, c[c0]);
    c[c0 + 1] = finishWide(k, alpha, a, a0, b, b1, sums, STEP, beta, c[c0 + 1]);
    c[c0 + 2] = finishWide(k, alpha, a, a0, b, b2, sums, 2 * STEP, beta, c[c0 + 2]);
    c[c0 + 3] = finishWide(k, alpha, a, a0, b, b3, sums, 3 * STEP, beta, c[c0 + 3]);
    c[c0 + 4] = finishWide(k, alpha, a, a0, b, b4, sums, 4 * STEP, beta, c[c0 + 4]);
    u10.intoArray(sums, 0);
    u11.intoArray(sums, STEP);
    u12.intoArray(sums, 2 * STEP);
    u13.intoArray(sums, 3 * STEP);
    u14.intoArray(sums, 4 * STEP);
    c[c0 + ldc] = finishWide(k, alpha, a, a1, b, b0, sums, 0, beta, c[c0 + ldc]);
    c[c0 + ldc + 1] = finishWide(k, alpha, a, a1, b, b1, sums, STEP, beta, c[c0 + ldc + 1]);
    c[c0 + ldc + 2] = finishWide(k, alpha, a, a1, b, b2, sums, 2 * STEP, beta, c[c0 + ldc + 2]);
    c[c0 + ldc + 3] = finishWide(k, alpha, a, a1, b, b3, sums, 3 * STEP, beta, c[c0 + ldc + 3]);
    c[c0 + ldc + 4] = finishWide(k, alpha, a, a1, b, b4, sums, 4 * STEP, beta, c[c0 + ldc + 4]);
    u20.intoArray(sums, 0);
    u21.intoArray(sums, STEP);
    u22.intoArray(sums, 2 * STEP);
    u23.intoArray(sums, 3 * STEP);
    u24.intoArray(sums, 4 * STEP);
    c[c0 + 2 * ldc] = finishWide(k, alpha, a, a2, b, b0, sums, 0, beta, c[c0 + 2 * ldc]);
    c[c0 + 2 * ldc + 1] = finishWide(k, alpha, a, a2, b, b1, sums, STEP, beta, c[c0 + 2 * ldc + 1]);
    c[c0 + 2 * ldc + 2] = finishWide(k, alpha, a, a2, b, b2, sums, 2 * STEP, beta, c[c0 + 2 * ldc + 2]);
    c[c0 + 2 * ldc + 3] = finishWide(k, alpha, a, a2, b, b3, sums, 3 * STEP, beta, c[c0 + 2 * ldc + 3]);
    c[c0 + 2 * ldc + 4] = finishWide(k, alpha, a, a2, b, b4, sums, 4 * STEP, beta, c[c0 + 2 * ldc + 4]);
    u30.intoArray(sums, 0);
    u31.intoArray(sums, STEP);
    u32.intoArray(sums, 2 * STEP);
    u33.intoArray(sums, 3 * STEP);
    u34.intoArray(sums, 4 * STEP);
    c[c0 + 3 * ldc] = finishWide(k, alpha, a, a3, b, b0, sums, 0, beta, c[c0 + 3 * ldc]);
    c[c0 + 3 * ldc + 1] = finishWide(k, alpha, a, a3, b, b1, sums, STEP, beta, c[c0 + 3 * ldc + 1]);
    c[c0 + 3 * ldc + 2] = finishWide(k, alpha, a, a3, b, b2, sums, 2 * STEP, beta, c[c0 + 3 * ldc + 2]);
    c[c0 + 3 * ldc + 3] = finishWide(k, alpha, a, a3, b, b3, sums, 3 * STEP, beta, c[c0 + 3 * ldc + 3]);
    c[c0 + 3 * ldc + 4] = finishWide(k, alpha, a, a3, b, b4, sums, 4 * STEP, beta, c[c0 + 3 * ldc + 4]);
  }

  /** {@link #twoByOne} with both accumulators of each element in one vector. */
  private static void twoByOneWide(
      int k, double alpha, double[] a, int a0, int lda, double[] b, int bj,
      double beta, double[] c, int c0, int ldc, double[] sums, double[] r, int at) {
    boolean summing = r != null;
    int a1 = a0 + lda;
    DoubleVector u0 = DoubleVector.zero(SPECIES);
    DoubleVector u1 = u0;
    DoubleVector v = u0;
    int whole = k - k % STEP;
    for (int p = 0; p < whole; p += STEP) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, b, bj + p);
      u0 = DoubleVector.fromArray(SPECIES, a, a0 + p).fma(y, u0);
      u1 = DoubleVector.fromArray(SPECIES, a, a1 + p).fma(y, u1);
      v = v.add(y);
    }
    u0.intoArray(sums, 0);
    u1.intoArray(sums, STEP);
    c[c0] = finishWide(k, alpha, a, a0, b, bj, sums, 0, beta, c[c0]);
    c[c0 + ldc] = finishWide(k, alpha, a, a1, b, bj, sums, STEP, beta, c[c0 + ldc]);
    if (summing) {
      v.intoArray(sums, 2 * STEP);
      r[at] = finishWide(k, 1, null, 0, b, bj, sums, 2 * STEP, 0, 0);
    }
  }

  /**
   * {@link #finish} for an element whose accumulator vector was stored at {@code u[at]}, its
   * even-vector accumulator the first {@value #SUM_LANES} lanes and its odd-vector one the rest: a
   * last odd vector of terms into the first half, each lane of it added to its partner, the lanes
   * summed first to last, the rest as there. Read from memory, not from the vector: a method that
   * takes a vector must be inlined into its caller, or the vector is boxed, and C2 declines to
   * inline one it has already compiled alone into a large method; reading lanes from a stored
   * vector also costs fewer instructions than extracting them from a 512-bit register. A null
   * {@code a} stands for a row of ones: each term is then added, as fma(1, y, s) rounds y + s.
   */
  private static double finishWide(
      int k, double alpha, double[] a, int ai, double[] b, int bj, double[] u, int at, double beta, double c) {
    int odd = k - k % STEP;
    boolean last = odd + SUM_LANES <= k;
    double sum = 0;
    for (int l = 0; l < SUM_LANES; l++) {
      double even = !last ? u[at + l] : a == null ? b[bj + odd + l] + u[at + l]
          : Math.fma(a[ai + odd + l], b[bj + odd + l], u[at + l]);
      double lane = even + u[at + l + SUM_LANES];
      sum = l == 0 ? lane : sum + lane;
    }
    return tail(k, alpha, a, ai, b, bj, sum, beta, c);
  }

  /**
   * The element whose accumulators are s and t and whose rows start at ai and bj: the lanes of
   * s + t, the terms past the last whole vector, then α and β.
   */
  private static double finish(
      int k, double alpha, double[] a, int ai, double[] b, int bj, DoubleVector s, DoubleVector t,
      double beta, double c) {
    return tail(k, alpha, a, ai, b, bj, lanes(s.add(t)), beta, c);
  }

  /**
   * The terms past the last whole {@value #SUM_LANES} added to {@code sum} one by one, then α and β;
   * a null {@code a} stands for a row of ones, as in {@link #finishWide}.
   */
  private static double tail(
      int k, double alpha, double[] a, int ai, double[] b, int bj, double sum, double beta, double c) {
    for (int p = k - k % SUM_LANES; p < k; p++) {
      sum = a == null ? b[bj + p] + sum : Math.fma(a[ai + p], b[bj + p], sum);
    }
    return beta == 0 ? alpha * sum : Math.fma(beta, c, alpha * sum);
  }

  /**
   * The lanes of s added from the first to the last: spelled out, because {@code reduceLanes}
   * leaves the order to the implementation, which may differ between compiled and interpreted code.
   */
  private static double lanes(DoubleVector s) {
    double sum = s.lane(0);
    for (int l = 1; l < SUM_LANES; l++) {
      sum += s.lane(l);
    }
    return sum;
  }
}
