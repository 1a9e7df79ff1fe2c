package dev.descent.kernel.blas;

import dev.descent.DescentException;

/**
 * Checks a gemm call against the {@link dev.descent.kernel.MatrixKernels} contract before native
 * code sees it: native BLAS does no bounds checking, so an offset or leading dimension that points
 * past an array would corrupt the heap or crash the JVM instead of throwing.
 *
 * <p>A matrix stored row-major with r rows, c columns, offset o and leading dimension ld occupies
 * {@code x[o + i*ld + j]} for i &lt; r, j &lt; c, so it needs ld ≥ c, o ≥ 0 and, when r·c &gt; 0,
 * an array of at least o + (r − 1)·ld + c elements. A is stored m×k (k×m when transposed), B k×n
 * (n×k when transposed) and C m×n. Every violation is a {@link DescentException} with a one-line
 * message naming the matrix, its shape and the numbers that do not fit. Stateless.
 */
final class GemmBounds {
  private GemmBounds() {}

  /**
   * Throws if the call is outside the contract; an array length of −1 stands for a null array.
   *
   * @throws DescentException naming the first violation found
   */
  static void check(
      boolean transA, boolean transB, int m, int n, int k,
      int aLength, int aOff, int lda,
      int bLength, int bOff, int ldb,
      int cLength, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new DescentException(String.format(
          "gemm: m = %d, n = %d, k = %d; every dimension must be ≥ 0", m, n, k));
    }
    operand("A", transA ? "k×m" : "m×k", transA ? k : m, transA ? m : k, aLength, aOff, "lda", lda);
    operand("B", transB ? "n×k" : "k×n", transB ? n : k, transB ? k : n, bLength, bOff, "ldb", ldb);
    operand("C", "m×n", m, n, cLength, cOff, "ldc", ldc);
  }

  private static void operand(
      String name, String dims, int rows, int cols, int length, int off, String ldName, int ld) {
    String shape = String.format("%s stored %s = %d×%d", name, dims, rows, cols);
    if (ld < cols) {
      throw new DescentException(String.format(
          "gemm: %s = %d is less than the %d columns of %s", ldName, ld, cols, shape));
    }
    if (off < 0) {
      throw new DescentException(String.format("gemm: the offset of %s is %d; it must be ≥ 0", shape, off));
    }
    if ((long) rows * cols == 0) {
      return;
    }
    long needed = off + (long) (rows - 1) * ld + cols;
    if (length < 0) {
      throw new DescentException(String.format("gemm: the array of %s is null", shape));
    }
    if (needed > length) {
      throw new DescentException(String.format(
          "gemm: %s with offset %d and %s %d needs %d elements, but its array has %d",
          shape, off, ldName, ld, needed, length));
    }
  }
}
