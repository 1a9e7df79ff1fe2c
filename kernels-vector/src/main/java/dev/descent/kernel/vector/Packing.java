package dev.descent.kernel.vector;

import java.util.Arrays;

/**
 * Copies blocks of op(A) and op(B) into the contiguous micro-panels that the micro-kernels read, the
 * layout of the BLIS and GotoBLAS packed gemm (Goto and van de Geijn, "Anatomy of High-Performance
 * Matrix Multiplication", ACM TOMS 34(3), 2008; Van Zee and van de Geijn, "BLIS", ACM TOMS 41(3),
 * 2015).
 *
 * <p>Operands are addressed through strides, which is how every transpose is handled: A(i, p) is
 * {@code a[aIndex + i*ars + p*acs]} and B(p, j) is {@code b[bIndex + p*brs + j*bcs]}, so op(A) = A
 * has (ars, acs) = (lda, 1) and op(A) = Aᵀ has (1, lda), likewise for B. The loops read along the
 * unit stride whichever it is.
 *
 * <ul>
 *   <li>An mc×kc block of op(A) becomes ⌈mc/mr⌉ panels of mr rows; row r of panel q, k-step p, is at
 *       {@code q*mr*kc + p*mr + r} and holds α·A(q*mr + r, p). Rows past mc are zeros.
 *   <li>A kc×nc block of op(B) becomes ⌈nc/nr⌉ panels of nr columns; column c of panel s, k-step p,
 *       is at {@code s*nr*kc + p*nr + c} and holds B(p, s*nr + c). Columns past nc are zeros.
 * </ul>
 *
 * <p>The zero rows and columns make every tile full-sized for the micro-kernel; they only ever
 * reach elements of the tile that are discarded, so they do not change any element of C.
 */
final class Packing {
  private Packing() {}

  /** Packs α times the mc×kc block of op(A) at {@code aIndex} into panels of {@code mr} rows. */
  static void packA(float alpha, float[] a, int aIndex, int ars, int acs, int mc, int kc, int mr, float[] dst) {
    for (int q = 0; q < mc; q += mr) {
      int rows = Math.min(mr, mc - q);
      int panel = q * kc;
      int first = aIndex + q * ars;
      if (acs == 1) {
        for (int r = 0; r < rows; r++) {
          int row = first + r * ars;
          for (int p = 0; p < kc; p++) {
            dst[panel + p * mr + r] = alpha * a[row + p];
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int column = first + p * acs;
          int to = panel + p * mr;
          for (int r = 0; r < rows; r++) {
            dst[to + r] = alpha * a[column + r * ars];
          }
        }
      }
      if (rows < mr) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(dst, panel + p * mr + rows, panel + (p + 1) * mr, 0f);
        }
      }
    }
  }

  /** Packs the kc×nc block of op(B) at {@code bIndex} into panels of {@code nr} columns. */
  static void packB(float[] b, int bIndex, int brs, int bcs, int kc, int nc, int nr, float[] dst) {
    for (int s = 0; s < nc; s += nr) {
      int cols = Math.min(nr, nc - s);
      int panel = s * kc;
      int first = bIndex + s * bcs;
      if (bcs == 1) {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, first + p * brs, dst, panel + p * nr, cols);
        }
      } else {
        for (int c = 0; c < cols; c++) {
          int column = first + c * bcs;
          for (int p = 0; p < kc; p++) {
            dst[panel + p * nr + c] = b[column + p * brs];
          }
        }
      }
      if (cols < nr) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(dst, panel + p * nr + cols, panel + (p + 1) * nr, 0f);
        }
      }
    }
  }

  /** Double-precision twin of {@link #packA(float, float[], int, int, int, int, int, int, float[])}. */
  static void packA(double alpha, double[] a, int aIndex, int ars, int acs, int mc, int kc, int mr, double[] dst) {
    for (int q = 0; q < mc; q += mr) {
      int rows = Math.min(mr, mc - q);
      int panel = q * kc;
      int first = aIndex + q * ars;
      if (acs == 1) {
        for (int r = 0; r < rows; r++) {
          int row = first + r * ars;
          for (int p = 0; p < kc; p++) {
            dst[panel + p * mr + r] = alpha * a[row + p];
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int column = first + p * acs;
          int to = panel + p * mr;
          for (int r = 0; r < rows; r++) {
            dst[to + r] = alpha * a[column + r * ars];
          }
        }
      }
      if (rows < mr) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(dst, panel + p * mr + rows, panel + (p + 1) * mr, 0d);
        }
      }
    }
  }

  /** Double-precision twin of {@link #packB(float[], int, int, int, int, int, int, float[])}. */
  static void packB(double[] b, int bIndex, int brs, int bcs, int kc, int nc, int nr, double[] dst) {
    for (int s = 0; s < nc; s += nr) {
      int cols = Math.min(nr, nc - s);
      int panel = s * kc;
      int first = bIndex + s * bcs;
      if (bcs == 1) {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, first + p * brs, dst, panel + p * nr, cols);
        }
      } else {
        for (int c = 0; c < cols; c++) {
          int column = first + c * bcs;
          for (int p = 0; p < kc; p++) {
            dst[panel + p * nr + c] = b[column + p * brs];
          }
        }
      }
      if (cols < nr) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(dst, panel + p * nr + cols, panel + (p + 1) * nr, 0d);
        }
      }
    }
  }
}
