package dev.descent.tensor;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;

/**
 * What the float and double tensors share: the shape and dtype checks of every operation. The
 * subclasses hold the flat array and run the loops. Not thread-safe.
 */
abstract sealed class DenseTensor implements Tensor permits FloatTensor, DoubleTensor {
  static final MatrixKernels KERNELS = Kernels.selected();

  private final Shape shape;

  DenseTensor(Shape shape) {
    this.shape = shape;
  }

  @Override
  public final Shape shape() {
    return shape;
  }

  @Override
  public final void matmul(boolean transposeThis, Tensor b, boolean transposeB, Tensor out, double alpha, double beta) {
    Shapes.sameDType("matmul", this, b);
    Shapes.sameDType("matmul", this, out);
    if (out == this || out == b) {
      throw new dev.descent.DescentException("matmul: the output must not be one of the operands");
    }
    int m = transposeThis ? cols() : rows();
    int k = transposeThis ? rows() : cols();
    int kb = transposeB ? b.cols() : b.rows();
    int n = transposeB ? b.rows() : b.cols();
    if (k != kb) {
      throw new dev.descent.DescentException(
          String.format(
              "matmul: shapes %s%s and %s%s do not fit (inner dimensions %d and %d)",
              shape, transposeThis ? "ᵀ" : "", b.shape(), transposeB ? "ᵀ" : "", k, kb));
    }
    Shapes.matrix("matmul", "the output", out, m, n);
    gemm(transposeThis, b, transposeB, out, m, n, k, alpha, beta);
  }

  abstract void gemm(boolean transA, Tensor b, boolean transB, Tensor out, int m, int n, int k, double alpha, double beta);

  @Override
  public final void transpose(Tensor out) {
    Shapes.sameDType("transpose", this, out);
    if (out == this) {
      throw Shapes.error("transpose", "the output must not be the tensor itself");
    }
    Shapes.matrix("transpose", "the output", out, cols(), rows());
    transposeUnchecked(out);
  }

  /** out[c, r] ← this[r, c], by {@link Transposes}. */
  abstract void transposeUnchecked(Tensor out);

  @Override
  public final void addRow(Tensor row, Tensor out) {
    Shapes.sameDType("addRow", this, row);
    Shapes.sameDType("addRow", this, out);
    if (row.size() != cols()) {
      throw Shapes.error("addRow", "row %s does not fit the %d columns of %s", row.shape(), cols(), shape);
    }
    Shapes.sameSize("addRow", this, out);
    addRowUnchecked(row, out);
  }

  abstract void addRowUnchecked(Tensor row, Tensor out);

  @Override
  public final void columnSums(Tensor out, double alpha, double beta) {
    Shapes.sameDType("columnSums", this, out);
    if (out.size() != cols()) {
      throw Shapes.error("columnSums", "output %s does not fit the %d columns of %s", out.shape(), cols(), shape);
    }
    columnSumsUnchecked(out, alpha, beta);
  }

  abstract void columnSumsUnchecked(Tensor out, double alpha, double beta);

  @Override
  public final void rowSums(Tensor out) {
    if (out.size() != rows()) {
      throw Shapes.error("rowSums", "output %s does not fit the %d rows of %s", out.shape(), rows(), shape);
    }
    int cols = cols();
    for (int r = 0; r < rows(); r++) {
      double s = 0;
      for (int c = 0; c < cols; c++) {
        s += get(r * cols + c);
      }
      out.set(r, s);
    }
  }

  @Override
  public final int argmax(int row) {
    int cols = cols();
    int best = 0;
    double bestValue = get(row * cols);
    for (int c = 1; c < cols; c++) {
      double v = get(row * cols + c);
      if (Double.isNaN(bestValue)) {
        return best;
      }
      if (v > bestValue || Double.isNaN(v)) {
        bestValue = v;
        best = c;
      }
    }
    return best;
  }

  @Override
  public final void copyFrom(Tensor source) {
    Shapes.sameSize("copyFrom", this, source);
    copyFromUnchecked(source);
  }

  abstract void copyFromUnchecked(Tensor source);

  @Override
  public final void zip(Tensor other, java.util.function.DoubleBinaryOperator f, Tensor out) {
    Shapes.sameSize("zip", this, other);
    Shapes.sameSize("zip", this, out);
    for (int i = 0; i < size(); i++) {
      out.set(i, f.applyAsDouble(get(i), other.get(i)));
    }
  }

  @Override
  public final void map(java.util.function.DoubleUnaryOperator f, Tensor out) {
    Shapes.sameSize("map", this, out);
    for (int i = 0; i < size(); i++) {
      out.set(i, f.applyAsDouble(get(i)));
    }
  }

  @Override
  public final void axpy(double alpha, Tensor x) {
    Shapes.sameDType("axpy", this, x);
    Shapes.sameSize("axpy", this, x);
    axpyUnchecked(alpha, x);
  }

  abstract void axpyUnchecked(double alpha, Tensor x);

  @Override
  public final void gatherRows(int[] indices, int from, int count, Tensor out) {
    Shapes.sameDType("gatherRows", this, out);
    Shapes.matrix("gatherRows", "the output", out, count, cols());
    if (from < 0 || from + count > indices.length) {
      throw Shapes.error("gatherRows", "rows %d..%d exceed the %d indices", from, from + count, indices.length);
    }
    int cols = cols();
    for (int r = 0; r < count; r++) {
      int source = indices[from + r];
      if (source < 0 || source >= rows()) {
      throw Shapes.error("gatherRows", "row index %d outside [0, %d)", source, rows());
    }
      System.arraycopy(array(), source * cols, ((DenseTensor) out).array(), r * cols, cols);
    }
  }

  abstract Object array();

  @Override
  public final double sum() {
    double s = 0;
    for (int i = 0; i < size(); i++) {
      s += get(i);
    }
    return s;
  }

  @Override
  public final double sumOfSquares() {
    double s = 0;
    for (int i = 0; i < size(); i++) {
      double v = get(i);
      s += v * v;
    }
    return s;
  }

  @Override
  public final boolean allFinite() {
    for (int i = 0; i < size(); i++) {
      if (!Double.isFinite(get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(dtype().label()).append(shape).append(' ');
    int shown = Math.min(size(), 8);
    b.append('[');
    for (int i = 0; i < shown; i++) {
      b.append(i == 0 ? "" : ", ").append(get(i));
    }
    return b.append(size() > shown ? ", …]" : "]").toString();
  }
}
