package dev.descent.kernel;

import java.util.Arrays;

/**
 * The β part of gemm on one row segment of C: x ← β·x, where β = 0 writes zeros without reading x
 * (so NaN or garbage in C does not propagate) and β = 1 leaves x as it is.
 */
public final class RowScaling {
  private RowScaling() {}

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
