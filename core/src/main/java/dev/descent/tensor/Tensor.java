package dev.descent.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major tensor over one flat primitive array ({@code float[]} for {@link DType#FLOAT32},
 * {@code double[]} for {@link DType#FLOAT64}), viewed as a {@link Shape#rows()} × {@link
 * Shape#cols()} matrix by the operations.
 *
 * <p>Every operation that produces a tensor writes into a caller-given output ({@code out}), so a
 * training loop can preallocate its buffers and allocate nothing per step. Operands must have the
 * same dtype; a shape that does not fit is a {@link dev.descent.DescentException} naming the
 * operation and both shapes. The matrix product runs on the {@link dev.descent.kernel.Kernels}
 * selected for this JVM.
 *
 * <p>Tensors are mutable and not thread-safe; share them between threads only with external
 * synchronization.
 */
public interface Tensor {

  /** A zero-filled tensor. */
  static Tensor zeros(DType dtype, Shape shape) {
    return dtype == DType.FLOAT32 ? new FloatTensor(shape) : new DoubleTensor(shape);
  }

  /** A zero-filled {@code rows × cols} matrix. */
  static Tensor zeros(DType dtype, int rows, int cols) {
    return zeros(dtype, Shape.matrix(rows, cols));
  }

  /** A {@code rows × cols} matrix holding {@code values} (row-major), converted to {@code dtype}. */
  static Tensor of(DType dtype, int rows, int cols, double... values) {
    Tensor t = zeros(dtype, rows, cols);
    Shapes.require(values.length == t.size(), "of", "%d values do not fill %s", values.length, t.shape());
    for (int i = 0; i < values.length; i++) {
      t.set(i, values[i]);
    }
    return t;
  }

  /** A matrix whose rows are {@code rows}; every row must have the same length. */
  static Tensor ofRows(DType dtype, double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    Tensor t = zeros(dtype, rows.length, cols);
    for (int r = 0; r < rows.length; r++) {
      Shapes.require(rows[r].length == cols, "ofRows", "row %d has %d values, row 0 has %d", r, rows[r].length, cols);
      for (int c = 0; c < cols; c++) {
        t.set(r * cols + c, rows[r][c]);
      }
    }
    return t;
  }

  /** The shape. */
  Shape shape();

  /** The element type. */
  DType dtype();

  /** The number of elements. */
  default int size() {
    return shape().size();
  }

  /** The number of rows of the matrix view. */
  default int rows() {
    return shape().rows();
  }

  /** The number of columns of the matrix view. */
  default int cols() {
    return shape().cols();
  }

  /** Element {@code i} of the flat array, widened to double. */
  double get(int i);

  /** Sets element {@code i} of the flat array (rounded to float for FLOAT32). */
  void set(int i, double value);

  /** Element (row, col) of the matrix view. */
  default double get(int row, int col) {
    return get(row * cols() + col);
  }

  /** Sets element (row, col) of the matrix view. */
  default void set(int row, int col, double value) {
    set(row * cols() + col, value);
  }

  /** The backing array of a FLOAT32 tensor; fails for FLOAT64. */
  float[] floats();

  /** The backing array of a FLOAT64 tensor; fails for FLOAT32. */
  double[] doubles();

  /** A new tensor of the same shape and dtype, zero-filled. */
  default Tensor zerosLike() {
    return zeros(dtype(), shape());
  }

  /** A new tensor with a copy of this one's values, in {@code dtype}. */
  default Tensor copy(DType dtype) {
    Tensor t = zeros(dtype, shape());
    t.copyFrom(this);
    return t;
  }

  /** A new tensor with a copy of this one's values. */
  default Tensor copy() {
    return copy(dtype());
  }

  /** The values as a new {@code double[]}. */
  default double[] toDoubleArray() {
    double[] values = new double[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return values;
  }

  /** Sets every element to {@code value}. */
  void fill(double value);

  /** Copies {@code source}'s values (any dtype, same size) into this tensor. */
  void copyFrom(Tensor source);

  /**
   * out ← α·op(this)·op(b) + β·out, where op transposes when asked: the three products
   * backpropagation needs are A·B, A·Bᵀ and Aᵀ·B.
   */
  void matmul(boolean transposeThis, Tensor b, boolean transposeB, Tensor out, double alpha, double beta);

  /** out ← op(this)·op(b). */
  default void matmul(boolean transposeThis, Tensor b, boolean transposeB, Tensor out) {
    matmul(transposeThis, b, transposeB, out, 1, 0);
  }

  /** out ← this·b. */
  default void matmul(Tensor b, Tensor out) {
    matmul(false, b, false, out, 1, 0);
  }

  /**
   * out[c, r] ← this[r, c]: the transpose into {@code out} of shape {@code [cols, rows]}, copied in
   * square tiles so that both the rows read and the rows written stay in the L1 cache.
   */
  void transpose(Tensor out);

  /** out[r, c] ← this[r, c] + row[c]: broadcasts a 1×cols (or rank-1) row over every row. */
  void addRow(Tensor row, Tensor out);

  /** out[c] ← α·Σ_r this[r, c] + β·out[c]: the sum of each column, into a tensor of size cols. */
  void columnSums(Tensor out, double alpha, double beta);

  /** out[r] ← Σ_c this[r, c]: the sum of each row, into a tensor of size rows. */
  void rowSums(Tensor out);

  /** The column of the largest value in {@code row} (the first on ties; the first NaN, as NumPy does). */
  int argmax(int row);

  /** out[i] ← f(this[i]). */
  void map(DoubleUnaryOperator f, Tensor out);

  /** out[i] ← f(this[i], other[i]). */
  void zip(Tensor other, DoubleBinaryOperator f, Tensor out);

  /** this ← this + α·x. */
  void axpy(double alpha, Tensor x);

  /** this ← α·this. */
  void scale(double alpha);

  /** Σ this[i], accumulated in double. */
  double sum();

  /** Σ this[i]², accumulated in double. */
  double sumOfSquares();

  /** Whether no element is NaN or infinite. */
  boolean allFinite();

  /**
   * out's rows ← this tensor's rows {@code indices[from]}, …, {@code indices[from + count - 1]}, in
   * that order; gathers a mini-batch without allocating.
   */
  void gatherRows(int[] indices, int from, int count, Tensor out);
}
