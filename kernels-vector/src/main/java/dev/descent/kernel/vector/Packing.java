package dev.descent.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of op(A) and op(B) into the contiguous micro-panels that the micro-kernels read, the
 * layout of the GotoBLAS and BLIS packed gemm (Goto and van de Geijn, "Anatomy of High-Performance
 * Matrix Multiplication", ACM TOMS 34(3), 2008; Van Zee and van de Geijn, "BLIS", ACM TOMS 41(3),
 * 2015).
 *
 * <p>Operands are addressed through strides, which is how every transpose is handled: A(i, p) is
 * {@code a[aIndex + i*ars + p*acs]} and B(p, j) is {@code b[bIndex + p*brs + j*bcs]}, so op(A) = A
 * has (ars, acs) = (lda, 1) and op(A) = Aᵀ has (1, lda), likewise for B.
 *
 * <ul>
 *   <li>An mc×kc block of op(A) becomes ⌈mc/{@value #MR}⌉ panels of {@value #MR} rows; row r of
 *       panel q, k-step p, is at {@code q*MR*kc + p*MR + r} and holds α·A(q*MR + r, p). Rows past
 *       mc are zeros.
 *   <li>A kc×nc block of op(B) becomes ⌈nc/NR⌉ panels of NR columns (NR is the micro-kernel's, two
 *       vectors); column c of panel s, k-step p, is at {@code s*NR*kc + p*NR + c} and holds
 *       B(p, s*NR + c). Columns past nc are zeros.
 * </ul>
 *
 * <p>Whole panels have loops of their own for each layout of the source (four rows read side by
 * side, a row of B copied as two vectors, a transposed B copied a column of the panel at a time
 * from a contiguous row of B), which pack two to six times faster than one loop over general
 * strides (3.6 times for a transposed 512×128 float block: each index then steps by a constant, so
 * C2 moves the bounds checks out of the loop); the zero rows and columns make every
 * tile full-sized for the micro-kernel and only ever reach elements of the tile that are discarded.
 */
final class Packing {
  /** Rows of a panel of A: the tile height of both micro-kernels. */
  static final int MR = 4;

  private Packing() {}

  /** Packs α times the mc×kc block of op(A) at {@code aIndex} into panels of {@value #MR} rows. */
  static void packA(float alpha, float[] a, int aIndex, int ars, int acs, int mc, int kc, float[] dst) {
    int q = acs == 1 ? panelsFromRows(alpha, a, aIndex, ars, mc, kc, dst)
        : ars == 1 ? panelsFromColumns(alpha, a, aIndex, acs, mc, kc, dst) : 0;
    for (; q < mc; q += MR) {
      int rows = Math.min(MR, mc - q);
      int panel = q * kc;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * MR;
        int from = aIndex + q * ars + p * acs;
        for (int r = 0; r < MR; r++) {
          dst[to + r] = r < rows ? alpha * a[from + r * ars] : 0f;
        }
      }
    }
  }

  /** The whole panels of an op(A) = A block (acs = 1), four rows read side by side; returns the rows done. */
  private static int panelsFromRows(float alpha, float[] a, int aIndex, int ars, int mc, int kc, float[] dst) {
    int q = 0;
    for (; q + MR <= mc; q += MR) {
      int panel = q * kc;
      int r0 = aIndex + q * ars;
      int r1 = r0 + ars;
      int r2 = r1 + ars;
      int r3 = r2 + ars;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * MR;
        dst[to] = alpha * a[r0 + p];
        dst[to + 1] = alpha * a[r1 + p];
        dst[to + 2] = alpha * a[r2 + p];
        dst[to + 3] = alpha * a[r3 + p];
      }
    }
    return q;
  }

  /** The whole panels of an op(A) = Aᵀ block (ars = 1), four at a time while they last; returns the rows done. */
  private static int panelsFromColumns(float alpha, float[] a, int aIndex, int acs, int mc, int kc, float[] dst) {
    int q = 0;
    for (; q + 4 * MR <= mc; q += 4 * MR) {
      fourPanelsFromColumns(alpha, a, aIndex + q, acs, kc, dst, q * kc);
    }
    for (; q + MR <= mc; q += MR) {
      int panel = q * kc;
      int first = aIndex + q;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * MR;
        int from = first + p * acs;
        dst[to] = alpha * a[from];
        dst[to + 1] = alpha * a[from + 1];
        dst[to + 2] = alpha * a[from + 2];
        dst[to + 3] = alpha * a[from + 3];
      }
    }
    return q;
  }

  /**
   * Four panels of a transposed A (ars = 1), {@value #MR} rows each, from the 16 contiguous values
   * of each k-step, a cache line or two read at once: one panel at a time read 16 bytes of each of
   * kc lines (acs apart), and came back for the next 16 after the lines had left L1.
   */
  private static void fourPanelsFromColumns(float alpha, float[] a, int first, int acs, int kc, float[] dst, int panel) {
    int panel1 = panel + MR * kc;
    int panel2 = panel1 + MR * kc;
    int panel3 = panel2 + MR * kc;
    for (int p = 0; p < kc; p++) {
      int from = first + p * acs;
      int to = p * MR;
      dst[panel + to] = alpha * a[from];
      dst[panel + to + 1] = alpha * a[from + 1];
      dst[panel + to + 2] = alpha * a[from + 2];
      dst[panel + to + 3] = alpha * a[from + 3];
      dst[panel1 + to] = alpha * a[from + 4];
      dst[panel1 + to + 1] = alpha * a[from + 5];
      dst[panel1 + to + 2] = alpha * a[from + 6];
      dst[panel1 + to + 3] = alpha * a[from + 7];
      dst[panel2 + to] = alpha * a[from + 8];
      dst[panel2 + to + 1] = alpha * a[from + 9];
      dst[panel2 + to + 2] = alpha * a[from + 10];
      dst[panel2 + to + 3] = alpha * a[from + 11];
      dst[panel3 + to] = alpha * a[from + 12];
      dst[panel3 + to + 1] = alpha * a[from + 13];
      dst[panel3 + to + 2] = alpha * a[from + 14];
      dst[panel3 + to + 3] = alpha * a[from + 15];
    }
  }

  /**
   * Packs the kc×nc block of op(B) at {@code bIndex} into panels of {@link FloatMicroKernel#NR}
   * columns; op(B) is B (bcs = 1) or Bᵀ (brs = 1), as {@code gemm} gives it.
   */
  static void packB(float[] b, int bIndex, int brs, int bcs, int kc, int nc, float[] dst) {
    int nr = FloatMicroKernel.NR;
    int lanes = FloatMicroKernel.LANES;
    int s = 0;
    if (bcs == 1) {
      for (; s + nr <= nc; s += nr) {
        int panel = s * kc;
        int first = bIndex + s;
        for (int p = 0; p < kc; p++) {
          int from = first + p * brs;
          int to = panel + p * nr;
          FloatVector.fromArray(FloatMicroKernel.SPECIES, b, from).intoArray(dst, to);
          FloatVector.fromArray(FloatMicroKernel.SPECIES, b, from + lanes).intoArray(dst, to + lanes);
        }
      }
    } else {
      // op(B) = Bᵀ (brs = 1): each column of the panel is a contiguous row of B
      for (; s + nr <= nc; s += nr) {
        int panel = s * kc;
        for (int col = 0; col < nr; col++) {
          int from = bIndex + (s + col) * bcs;
          int to = panel + col;
          for (int p = 0; p < kc; p++) {
            dst[to + p * nr] = b[from + p];
          }
        }
      }
    }
    for (; s < nc; s += nr) {
      int cols = Math.min(nr, nc - s);
      int panel = s * kc;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * nr;
        int from = bIndex + p * brs + s * bcs;
        for (int col = 0; col < nr; col++) {
          dst[to + col] = col < cols ? b[from + col * bcs] : 0f;
        }
      }
    }
  }

  /** Double-precision twin of {@link #packA(float, float[], int, int, int, int, int, float[])}. */
  static void packA(double alpha, double[] a, int aIndex, int ars, int acs, int mc, int kc, double[] dst) {
    int q = acs == 1 ? panelsFromRows(alpha, a, aIndex, ars, mc, kc, dst)
        : ars == 1 ? panelsFromColumns(alpha, a, aIndex, acs, mc, kc, dst) : 0;
    for (; q < mc; q += MR) {
      int rows = Math.min(MR, mc - q);
      int panel = q * kc;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * MR;
        int from = aIndex + q * ars + p * acs;
        for (int r = 0; r < MR; r++) {
          dst[to + r] = r < rows ? alpha * a[from + r * ars] : 0d;
        }
      }
    }
  }

  /** The whole panels of an op(A) = A block (acs = 1), four rows read side by side; returns the rows done. */
  private static int panelsFromRows(double alpha, double[] a, int aIndex, int ars, int mc, int kc, double[] dst) {
    int q = 0;
    for (; q + MR <= mc; q += MR) {
      int panel = q * kc;
      int r0 = aIndex + q * ars;
      int r1 = r0 + ars;
      int r2 = r1 + ars;
      int r3 = r2 + ars;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * MR;
        dst[to] = alpha * a[r0 + p];
        dst[to + 1] = alpha * a[r1 + p];
        dst[to + 2] = alpha * a[r2 + p];
        dst[to + 3] = alpha * a[r3 + p];
      }
    }
    return q;
  }

  /** The whole panels of an op(A) = Aᵀ block (ars = 1), four at a time while they last; returns the rows done. */
  private static int panelsFromColumns(double alpha, double[] a, int aIndex, int acs, int mc, int kc, double[] dst) {
    int q = 0;
    for (; q + 4 * MR <= mc; q += 4 * MR) {
      fourPanelsFromColumns(alpha, a, aIndex + q, acs, kc, dst, q * kc);
    }
    for (; q + MR <= mc; q += MR) {
      int panel = q * kc;
      int first = aIndex + q;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * MR;
        int from = first + p * acs;
        dst[to] = alpha * a[from];
        dst[to + 1] = alpha * a[from + 1];
        dst[to + 2] = alpha * a[from + 2];
        dst[to + 3] = alpha * a[from + 3];
      }
    }
    return q;
  }

  /**
   * Four panels of a transposed A (ars = 1), {@value #MR} rows each, from the 16 contiguous values
   * of each k-step, a cache line or two read at once: one panel at a time read 16 bytes of each of
   * kc lines (acs apart), and came back for the next 16 after the lines had left L1.
   */
  private static void fourPanelsFromColumns(double alpha, double[] a, int first, int acs, int kc, double[] dst, int panel) {
    int panel1 = panel + MR * kc;
    int panel2 = panel1 + MR * kc;
    int panel3 = panel2 + MR * kc;
    for (int p = 0; p < kc; p++) {
      int from = first + p * acs;
      int to = p * MR;
      dst[panel + to] = alpha * a[from];
      dst[panel + to + 1] = alpha * a[from + 1];
      dst[panel + to + 2] = alpha * a[from + 2];
      dst[panel + to + 3] = alpha * a[from + 3];
      dst[panel1 + to] = alpha * a[from + 4];
      dst[panel1 + to + 1] = alpha * a[from + 5];
      dst[panel1 + to + 2] = alpha * a[from + 6];
      dst[panel1 + to + 3] = alpha * a[from + 7];
      dst[panel2 + to] = alpha * a[from + 8];
      dst[panel2 + to + 1] = alpha * a[from + 9];
      dst[panel2 + to + 2] = alpha * a[from + 10];
      dst[panel2 + to + 3] = alpha * a[from + 11];
      dst[panel3 + to] = alpha * a[from + 12];
      dst[panel3 + to + 1] = alpha * a[from + 13];
      dst[panel3 + to + 2] = alpha * a[from + 14];
      dst[panel3 + to + 3] = alpha * a[from + 15];
    }
  }

  /** Double-precision twin of {@link #packB(float[], int, int, int, int, int, float[])}. */
  static void packB(double[] b, int bIndex, int brs, int bcs, int kc, int nc, double[] dst) {
    int nr = DoubleMicroKernel.NR;
    int lanes = DoubleMicroKernel.LANES;
    int s = 0;
    if (bcs == 1) {
      for (; s + nr <= nc; s += nr) {
        int panel = s * kc;
        int first = bIndex + s;
        for (int p = 0; p < kc; p++) {
          int from = first + p * brs;
          int to = panel + p * nr;
          DoubleVector.fromArray(DoubleMicroKernel.SPECIES, b, from).intoArray(dst, to);
          DoubleVector.fromArray(DoubleMicroKernel.SPECIES, b, from + lanes).intoArray(dst, to + lanes);
        }
      }
    } else {
      // op(B) = Bᵀ (brs = 1): each column of the panel is a contiguous row of B
      for (; s + nr <= nc; s += nr) {
        int panel = s * kc;
        for (int col = 0; col < nr; col++) {
          int from = bIndex + (s + col) * bcs;
          int to = panel + col;
          for (int p = 0; p < kc; p++) {
            dst[to + p * nr] = b[from + p];
          }
        }
      }
    }
    for (; s < nc; s += nr) {
      int cols = Math.min(nr, nc - s);
      int panel = s * kc;
      for (int p = 0; p < kc; p++) {
        int to = panel + p * nr;
        int from = bIndex + p * brs + s * bcs;
        for (int col = 0; col < nr; col++) {
          dst[to + col] = col < cols ? b[from + col * bcs] : 0d;
        }
      }
    }
  }
}
