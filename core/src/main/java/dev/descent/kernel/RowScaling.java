package dev.descent.kernel;

import java.util.Arrays;

/**
 * The β part of gemm on one row segment of C: x ← β·x, where β = 0 writes zeros without reading x
 * (so NaN or garbage in C does not propagate) and β = 1 leaves x as it is.
 */
public final class RowScaling {
  private RowScaling() {}

  /**
   * The gemm cases that need no product, shared by every kernel: when m or n is 0 there is nothing
   * to do; when k is 0 or α is 0, C ← β·C without reading A or B. Returns whether the call was one
   * of these (and is done).
   */
  public static boolean withoutProduct(int m, int n, int k, float alpha, float beta, float[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) {
      return true;
    }
    if (k > 0 && alpha != 0) {
      return false;
    }
    for (int i = 0; i < m; i++) {
      scale(c, cOff + i * ldc, n, beta);
    }
    return true;
  }

  /** The double-precision {@link #withoutProduct(int, int, int, float, float, float[], int, int)}. */
  public static boolean withoutProduct(int m, int n, int k, double alpha, double beta, double[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) {
      return true;
    }
    if (k > 0 && alpha != 0) {
      return false;
    }
    for (int i = 0; i < m; i++) {
      scale(c, cOff + i * ldc, n, beta);
    }
    return true;
  }

  /** {@code x[off..off+len−1] ← β·x}, in place. */
  public static void scale(float[] x, int off, int len, float beta) {
    if (beta == 0) {
      Arrays.fill(x, off, off + len, 0f);
    } else if (beta != 1) {
      for (int j = off; j < off + len; j++) {
        x[j] = beta * x[j];
      }
    }
  }

  /** {@code dst[0..len−1] ← β·src[srcOff..srcOff+len−1]}. */
  static void copyScaled(float[] src, int srcOff, float[] dst, int len, float beta) {
    if (beta == 0) {
      Arrays.fill(dst, 0, len, 0f);
    } else if (beta == 1) {
      System.arraycopy(src, srcOff, dst, 0, len);
    } else {
      for (int j = 0; j < len; j++) {
        dst[j] = beta * src[srcOff + j];
      }
    }
  }

  /** Double-precision twin of {@link #scale(float[], int, int, float)}. */
  public static void scale(double[] x, int off, int len, double beta) {
    if (beta == 0) {
      Arrays.fill(x, off, off + len, 0d);
    } else if (beta != 1) {
      for (int j = off; j < off + len; j++) {
        x[j] = beta * x[j];
      }
    }
  }

  /** Double-precision twin of {@link #copyScaled(float[], int, float[], int, float)}. */
  static void copyScaled(double[] src, int srcOff, double[] dst, int len, double beta) {
    if (beta == 0) {
      Arrays.fill(dst, 0, len, 0d);
    } else if (beta == 1) {
      System.arraycopy(src, srcOff, dst, 0, len);
    } else {
      for (int j = 0; j < len; j++) {
        dst[j] = beta * src[srcOff + j];
      }
    }
  }
}
