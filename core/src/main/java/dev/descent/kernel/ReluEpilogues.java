package dev.descent.kernel;

/**
 * The ReLU steps that {@link MatrixKernels#gemmBiasRelu} and {@link MatrixKernels#gemmReluGradient}
 * apply after a product, over the m×n window of C at {@code c[cOff + i·ldc + j]}, one pass each: the
 * default of those methods, and the bits every fused implementation must give.
 *
 * <ul>
 *   <li>{@code biasRelu}: C(i, j) ← {@link Math#max}(C(i, j) + bias[i], 0), the addition rounded;
 *       a dense layer's bias and ReLU, PyTorch's {@code relu(x @ W + b)} element for element.
 *   <li>{@code reluGradient}: C(i, j) ← C(i, j) where the bits of X(i, j), read as a signed integer,
 *       are positive, +0 otherwise, X(i, j) being {@code x[cOff + i·ldc + j]}: {@link
 *       ElementwiseKernels#reluBackward} row by row.
 * </ul>
 */
public final class ReluEpilogues {
  private ReluEpilogues() {}

  /** C(i, j) ← max(C(i, j) + bias[biasOff + i], 0) over the m×n window of C. */
  public static void biasRelu(int m, int n, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      float b = bias[biasOff + i];
      for (int j = cOff + i * ldc, end = j + n; j < end; j++) {
        c[j] = Math.max(c[j] + b, 0f);
      }
    }
  }

  /** Double-precision twin of {@link #biasRelu(int, int, float[], int, float[], int, int)}. */
  public static void biasRelu(int m, int n, double[] bias, int biasOff, double[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      double b = bias[biasOff + i];
      for (int j = cOff + i * ldc, end = j + n; j < end; j++) {
        c[j] = Math.max(c[j] + b, 0d);
      }
    }
  }

  /**
   * C(i, j) ← C(i, j) where X(i, j) &gt; 0 as a signed integer, +0 elsewhere, over the m×n window of
   * C, with {@code math}'s ReLU gradient; X(i, j) is {@code x[cOff + i·ldc + j]}.
   */
  public static void reluGradient(ElementwiseKernels math, int m, int n, float[] x, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      math.reluBackward(x, c, c, ci, ci + n);
    }
  }

  /** Double-precision twin of {@link #reluGradient(ElementwiseKernels, int, int, float[], float[], int, int)}. */
  public static void reluGradient(ElementwiseKernels math, int m, int n, double[] x, double[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      math.reluBackward(x, c, c, ci, ci + n);
    }
  }
}
