package dev.descent.tensor;

import java.util.Arrays;

/**
 * A {@link DType#FLOAT64} tensor over one {@code double[]}, row-major. Not thread-safe.
 */
public final class DoubleTensor extends DenseTensor {
  private final double[] data;

  /** A zero-filled tensor of {@code shape}. */
  public DoubleTensor(Shape shape) {
    super(shape);
    this.data = new double[shape.size()];
  }

  /** A tensor of {@code shape} backed by {@code data} (not copied). */
  public DoubleTensor(Shape shape, double[] data) {
    super(shape);
    Shapes.require(data.length == shape.size(), "DoubleTensor", "%d values do not fill %s", data.length, shape);
    this.data = data;
  }

  @Override
  public DType dtype() {
    return DType.FLOAT64;
  }

  @Override
  public double get(int i) {
    return data[i];
  }

  @Override
  public void set(int i, double value) {
    data[i] = value;
  }

  @Override
  public float[] floats() {
    throw new UnsupportedOperationException("a float64 tensor has no float[]; use copy(DType.FLOAT32)");
  }

  @Override
  public double[] doubles() {
    return data;
  }

  @Override
  Object array() {
    return data;
  }

  @Override
  public void fill(double value) {
    Arrays.fill(data, value);
  }

  @Override
  void copyFromUnchecked(Tensor source) {
    if (source instanceof DoubleTensor d) {
      System.arraycopy(d.data, 0, data, 0, data.length);
    } else {
      float[] s = source.floats();
      for (int i = 0; i < data.length; i++) {
        data[i] = s[i];
      }
    }
  }

  @Override
  void gemm(boolean transA, Tensor b, boolean transB, Tensor out, int m, int n, int k, double alpha, double beta) {
    KERNELS.gemm(transA, transB, m, n, k, alpha, data, 0, cols(), b.doubles(), 0, b.cols(), beta, out.doubles(), 0, n);
  }

  @Override
  void transposeUnchecked(Tensor out) {
    Transposes.transpose(data, 0, cols(), rows(), cols(), out.doubles(), 0, rows());
  }

  @Override
  void addRowUnchecked(Tensor row, Tensor out) {
    double[] r = row.doubles();
    double[] o = out.doubles();
    int cols = r.length;
    for (int base = 0; base < data.length; base += cols) {
      for (int c = 0; c < cols; c++) {
        o[base + c] = data[base + c] + r[c];
      }
    }
  }

  @Override
  void columnSumsUnchecked(Tensor out, double alpha, double beta) {
    double[] o = out.doubles();
    int cols = o.length;
    if (beta == 0) {
      Arrays.fill(o, 0.0);
    } else if (beta != 1) {
      for (int c = 0; c < cols; c++) {
        o[c] *= beta;
      }
    }
    for (int base = 0; base < data.length; base += cols) {
      for (int c = 0; c < cols; c++) {
        o[c] += alpha * data[base + c];
      }
    }
  }

  @Override
  void axpyUnchecked(double alpha, Tensor x) {
    double[] xs = x.doubles();
    for (int i = 0; i < data.length; i++) {
      data[i] += alpha * xs[i];
    }
  }

  @Override
  public void scale(double alpha) {
    for (int i = 0; i < data.length; i++) {
      data[i] *= alpha;
    }
  }
}
