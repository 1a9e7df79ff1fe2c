package dev.descent.tensor;

import dev.descent.DescentException;

/**
 * Shape checks shared by the tensor operations and layers; a failure names the operation and
 * the shapes involved. Stateless.
 */
public final class Shapes {
  private Shapes() {}

  /**
   * Fails with {@code "op: message"} unless {@code condition}. The arguments are boxed into an
   * array on every call, so hot paths test the condition first and call {@link #error} instead.
   */
  public static void require(boolean condition, String op, String format, Object... args) {
    if (!condition) {
      throw error(op, format, args);
    }
  }

  /** The error {@code "op: message"}, for the caller to throw. */
  public static DescentException error(String op, String format, Object... args) {
    return new DescentException(op + ": " + String.format(format, args));
  }

  /** Fails unless both tensors have the same dtype. */
  public static void sameDType(String op, Tensor a, Tensor b) {
    if (a.dtype() != b.dtype()) {
      throw new DescentException(
          String.format("%s: dtypes %s and %s differ", op, a.dtype().label(), b.dtype().label()));
    }
  }

  /** Fails unless both tensors have the same number of elements. */
  public static void sameSize(String op, Tensor a, Tensor b) {
    if (a.size() != b.size()) {
      throw new DescentException(String.format("%s: shapes %s and %s differ", op, a.shape(), b.shape()));
    }
  }

  /** Fails unless {@code t} is a {@code rows × cols} matrix (any rank with those rows and cols). */
  public static void matrix(String op, String what, Tensor t, int rows, int cols) {
    if (t.rows() != rows || t.cols() != cols) {
      throw new DescentException(
          String.format("%s: %s has shape %s, expected [%d, %d]", op, what, t.shape(), rows, cols));
    }
  }
}
