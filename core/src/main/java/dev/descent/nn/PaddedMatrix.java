package dev.descent.nn;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.tensor.Transposes;

/**
 * A reusable {@code [rows, cols]} matrix of a {@link FeatureMajorStack}, its rows placed by a {@link
 * RowLayout}: element (i, j) is {@code array[offset() + i·stride() + j]}, and the elements between a
 * row's end and the next row's start are never read. {@link #shape} keeps the array while it is
 * large enough, so a training loop allocates only on its first batch of each larger size. Not
 * thread-safe.
 */
final class PaddedMatrix {
  private final RowLayout layout;
  private DType dtype = DType.FLOAT64;
  private double[] doubles = new double[0];
  private float[] floats = new float[0];
  private int rows;
  private int cols;
  private int offset;
  private int stride;

  PaddedMatrix(RowLayout layout) {
    this.layout = layout;
  }

  /** This matrix, now {@code [rows, cols]} of {@code dtype}; its elements are left as they were. */
  PaddedMatrix shape(int rows, int cols, DType dtype) {
    if (rows == this.rows && cols == this.cols && dtype == this.dtype) {
      return this;
    }
    this.rows = rows;
    this.cols = cols;
    this.dtype = dtype;
    offset = layout.offset(dtype);
    stride = layout.stride(cols, dtype);
    int length = offset + rows * stride;
    if (dtype == DType.FLOAT32 && floats.length < length) {
      floats = new float[length];
    } else if (dtype == DType.FLOAT64 && doubles.length < length) {
      doubles = new double[length];
    }
    return this;
  }

  /** This matrix shaped like {@code like}. */
  PaddedMatrix shapeLike(PaddedMatrix like) {
    return shape(like.rows, like.cols, like.dtype);
  }

  /** This matrix, now xᵀ. */
  PaddedMatrix transposeOf(Tensor x) {
    shape(x.cols(), x.rows(), x.dtype());
    if (dtype == DType.FLOAT32) {
      Transposes.transpose(x.floats(), 0, x.cols(), x.rows(), x.cols(), floats, offset, stride);
    } else {
      Transposes.transpose(x.doubles(), 0, x.cols(), x.rows(), x.cols(), doubles, offset, stride);
    }
    return this;
  }

  /** out ← thisᵀ; {@code out} is {@code [cols, rows]} of this dtype (the caller's buffer). */
  void transposeInto(Tensor out) {
    if (dtype == DType.FLOAT32) {
      Transposes.transpose(floats, offset, stride, rows, cols, out.floats(), 0, rows);
    } else {
      Transposes.transpose(doubles, offset, stride, rows, cols, out.doubles(), 0, rows);
    }
  }

  DType dtype() {
    return dtype;
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** The index of element (0, 0). */
  int offset() {
    return offset;
  }

  /** The distance between the starts of two rows, in elements. */
  int stride() {
    return stride;
  }

  /** The index of element (row, 0). */
  int rowStart(int row) {
    return offset + row * stride;
  }

  /** The storage of a {@link DType#FLOAT32} matrix. */
  float[] floats() {
    return floats;
  }

  /** The storage of a {@link DType#FLOAT64} matrix. */
  double[] doubles() {
    return doubles;
  }
}
