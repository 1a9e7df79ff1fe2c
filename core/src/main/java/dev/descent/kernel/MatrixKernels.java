package dev.descent.kernel;

/**
 * The matrix-product plugin interface, BLAS-style, on raw row-major arrays.
 *
 * <p>{@code gemm} computes C ← α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ, op(A) is m×k, op(B) is
 * k×n and C is m×n (the BLAS {@code ?gemm} contract, row-major). Element (i, j) of a matrix X
 * stored with offset {@code xOff} and leading dimension {@code ldx} is {@code x[xOff + i*ldx + j]};
 * A is stored m×k when not transposed (lda ≥ k) and k×m when transposed (lda ≥ m), likewise B.
 * When β = 0, C is overwritten without being read, so NaN or garbage in C does not propagate; when
 * k = 0, C ← β·C.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} (register with
 * {@code @AutoService(MatrixKernels.class)}); {@link Kernels} chooses one. Every implementation must
 * be stateless and thread-safe, must not allocate per call for small products, and must agree with
 * {@link ReferenceKernels} to rounding; the contract test checks this for every kernel on the class
 * path.
 */
public interface MatrixKernels {

  /** The name used by {@code -Ddescent.kernel=NAME} and shown by {@code descent list kernels}. */
  String name();

  /** One line: how it computes. */
  String description();

  /** Selection rank when no kernel is forced; the available kernel with the highest wins. */
  int priority();

  /** Whether this kernel can run in this JVM (for example, whether an optional module is present). */
  default boolean isAvailable() {
    return true;
  }

  /**
   * The elementwise functions that go with this kernel (activations' and losses' loops over raw
   * arrays); by default {@link ScalarElementwise}, one element at a time.
   */
  default ElementwiseKernels elementwise() {
    return ScalarElementwise.INSTANCE;
  }

  /** Single-precision C ← α·op(A)·op(B) + β·C; see the class documentation. */
  void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc);

  /** Double-precision C ← α·op(A)·op(B) + β·C; see the class documentation. */
  void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc);

  /**
   * A dense layer's product, bias and ReLU: C ← max(op(A)·op(B) + bias·1ᵀ, 0), bias[biasOff + i]
   * added to row i. Each element gets the bits of {@link #gemm} with α = 1 and β = 0 followed by
   * {@link ReluEpilogues#biasRelu}, which is what the default does; a kernel may do both in one pass
   * over C (C is not read).
   */
  default void gemmBiasRelu(
      boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    gemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
    ReluEpilogues.biasRelu(m, n, bias, biasOff, c, cOff, ldc);
  }

  /** Double-precision twin of {@link #gemmBiasRelu(boolean, boolean, int, int, int, float[], int, int, float[], int, int, float[], int, float[], int, int)}. */
  default void gemmBiasRelu(
      boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] bias, int biasOff, double[] c, int cOff, int ldc) {
    gemm(transA, transB, m, n, k, 1d, a, aOff, lda, b, bOff, ldb, 0d, c, cOff, ldc);
    ReluEpilogues.biasRelu(m, n, bias, biasOff, c, cOff, ldc);
  }

  /**
   * A layer's input gradient through the ReLU before it: C ← op(A)·op(B) where X &gt; 0, +0
   * elsewhere (X(i, j) at {@code x[cOff + i·ldc + j]}, C's layout, its bits read as a signed integer,
   * as {@link ElementwiseKernels#reluBackward} reads them). Each element gets the bits of {@link
   * #gemm} with α = 1 and β = 0 followed by {@link ReluEpilogues#reluGradient} with this kernel's
   * {@link #elementwise()}, which is what the default does; a kernel may do both in one pass over C
   * (C is not read). X must not overlap C.
   */
  default void gemmReluGradient(
      boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] x, float[] c, int cOff, int ldc) {
    gemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
    ReluEpilogues.reluGradient(elementwise(), m, n, x, c, cOff, ldc);
  }

  /** Double-precision twin of {@link #gemmReluGradient(boolean, boolean, int, int, int, float[], int, int, float[], int, int, float[], float[], int, int)}. */
  default void gemmReluGradient(
      boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] x, double[] c, int cOff, int ldc) {
    gemm(transA, transB, m, n, k, 1d, a, aOff, lda, b, bOff, ldb, 0d, c, cOff, ldc);
    ReluEpilogues.reluGradient(elementwise(), m, n, x, c, cOff, ldc);
  }

  /**
   * A dense layer's weight and bias gradients from one reading of the output gradient: C ←
   * op(A)·op(B) and s[sOff + j] ← Σ_p op(B)(p, j), the sums of op(B)'s columns (with op(A) = X, the
   * layer's input held feature-major, and op(B) = Gᵀ: ∂L/∂W = X·Gᵀ and ∂L/∂b = 1ᵀ·Gᵀ). C gets the bits
   * of {@link #gemm} with α = 1 and β = 0, and s those of {@link #gemm} of a row of k ones by op(B)
   * (1ᵀ·op(B), α = 1, β = 0), which is what the default does; a kernel may sum op(B) while it reads it
   * for the product. s must not overlap C.
   */
  default void gemmWithColumnSums(
      boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc, float[] s, int sOff) {
    gemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
    gemm(false, transB, 1, n, k, 1f, Ones.floats(k), 0, k, b, bOff, ldb, 0f, s, sOff, n);
  }

  /** Double-precision twin of {@link #gemmWithColumnSums(boolean, boolean, int, int, int, float[], int, int, float[], int, int, float[], int, int, float[], int)}. */
  default void gemmWithColumnSums(
      boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] c, int cOff, int ldc, double[] s, int sOff) {
    gemm(transA, transB, m, n, k, 1d, a, aOff, lda, b, bOff, ldb, 0d, c, cOff, ldc);
    gemm(false, transB, 1, n, k, 1d, Ones.doubles(k), 0, k, b, bOff, ldb, 0d, s, sOff, n);
  }
}
