package dev.descent.kernel.blas;

/**
 * Repacks an input matrix that netlib would wrongly reject.
 *
 * <p>Before calling native code, netlib 3.0.x requires an array of at least o + r·ld elements for
 * a matrix of r stored rows with offset o and leading dimension ld, one full stride more than the
 * o + (r − 1)·ld + c elements the matrix actually occupies (see {@link GemmBounds}). A valid
 * matrix whose last row is not followed by ld − c spare elements, such as a sub-matrix at the end
 * of its array, fails that check. Such a matrix is copied into a fresh array with ld = c; every
 * other call goes to BLAS without a copy. Stateless.
 */
final class TightCopy {
  private TightCopy() {}

  /** Whether netlib accepts a matrix of {@code rows} stored rows at {@code off} with stride {@code ld}. */
  static boolean accepted(int length, int off, int rows, int ld) {
    return off + (long) rows * ld <= length;
  }

  /** The rows×cols matrix at {@code x[off + i*ld + j]}, copied with leading dimension cols. */
  static float[] of(float[] x, int off, int rows, int cols, int ld) {
    float[] tight = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(x, off + i * ld, tight, i * cols, cols);
    }
    return tight;
  }

  /** Double-precision twin of {@link #of(float[], int, int, int, int)}. */
  static double[] of(double[] x, int off, int rows, int cols, int ld) {
    double[] tight = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(x, off + i * ld, tight, i * cols, cols);
    }
    return tight;
  }
}
