package dev.descent.tensor;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * The dimensions of a dense row-major tensor. A tensor of shape {@code [d0, ..., dk]} is viewed as
 * a matrix of {@link #rows()} = d0·…·d(k-1) rows and {@link #cols()} = dk columns; a rank-1 shape
 * {@code [n]} is one row of n columns. Immutable and thread-safe.
 */
public final class Shape {
  private final int[] dims;
  private final int size;
  private final int rows;

  private Shape(int[] dims) {
    Preconditions.checkArgument(dims.length > 0, "a shape needs at least one dimension");
    long product = 1;
    for (int d : dims) {
      product *= d;
      // the messages are built only on failure: a shape is made for every new tensor
      if (d < 0) {
        throw new IllegalArgumentException("dimensions must be ≥ 0, got " + Arrays.toString(dims));
      }
      if (product > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31 elements");
      }
    }
    this.dims = dims;
    this.size = (int) product;
    int r = 1;
    for (int i = 0; i < dims.length - 1; i++) {
      r *= dims[i];
    }
    this.rows = r;
  }

  /** A shape with the given dimensions. */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  /** A {@code rows × cols} matrix shape. */
  public static Shape matrix(int rows, int cols) {
    return new Shape(new int[] {rows, cols});
  }

  /** The number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Dimension {@code i}. */
  public int dim(int i) {
    return dims[i];
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** The dimensions widened to {@code long}, as file formats (safetensors, {@code .npy}) record them. */
  public long[] longDims() {
    long[] wide = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      wide[i] = dims[i];
    }
    return wide;
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The product of every dimension but the last (1 for rank 1). */
  public int rows() {
    return rows;
  }

  /** The last dimension. */
  public int cols() {
    return dims[dims.length - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code [2, 3]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
