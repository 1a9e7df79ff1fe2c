package dev.descent.tensor;

import java.util.Arrays;

/**
 * A {@link DType#FLOAT32} tensor over one {@code float[]}, row-major. Not thread-safe.
 */
public final class FloatTensor extends DenseTensor {
  private final float[] data;

  /** A zero-filled tensor of {@code shape}. */
  public FloatTensor(Shape shape) {
    super(shape);
    this.data = new float[shape.size()];
  }

  /** A tensor of {@code shape} backed by {@code data} (not copied). */
  public FloatTensor(Shape shape, float[] data) {
    super(shape);
    Shapes.require(data.length == shape.size(), "FloatTensor", "%d values do not fill %s", data.length, shape);
    this.data = data;
  }

  @Override
  public DType dtype() {
    return DType.FLOAT32;
  }

  @Override
  public double get(int i) {
    return data[i];
  }

  @Override
  public void set(int i, double value) {
    data[i] = (float) value;
  }

  @Override
  public float[] floats() {
    return data;
  }

  @Override
  public double[] doubles() {
    throw new UnsupportedOperationException("a float32 tensor has no double[]; use copy(DType.FLOAT64)");
  }

  @Override
  Object array() {
    return data;
  }

  @Override
  public void fill(double value) {
    Arrays.fill(data, (float) value);
  }

  @Override
  void copyFromUnchecked(Tensor source) {
    if (source instanceof FloatTensor f) {
      System.arraycopy(f.data, 0, data, 0, data.length);
    } else {
      double[] s = source.doubles();
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) s[i];
      }
    }
  }

  @Override
  void gemm(boolean transA, Tensor b, boolean transB, Tensor out, int m, int n, int k, double alpha, double beta) {
    KERNELS.gemm(transA, transB, m, n, k, (float) alpha, data, 0, cols(), b.floats(), 0, b.cols(), (float) beta, out.floats(), 0, n);
  }

  @Override
  void transposeUnchecked(Tensor out) {
    Transposes.transpose(data, 0, cols(), rows(), cols(), out.floats(), 0, rows());
  }

  @Override
  void addRowUnchecked(Tensor row, Tensor out) {
    float[] r = row.floats();
    float[] o = out.floats();
    int cols = r.length;
    for (int base = 0; base < data.length; base += cols) {
      for (int c = 0; c < cols; c++) {
        o[base + c] = data[base + c] + r[c];
      }
    }
  }

  @Override
  void columnSumsUnchecked(Tensor out, double alpha, double beta) {
    float[] o = out.floats();
    int cols = o.length;
    float a = (float) alpha;
    if (beta == 0) {
      Arrays.fill(o, 0f);
    } else if (beta != 1) {
      for (int c = 0; c < cols; c++) {
        o[c] *= (float) beta;
      }
    }
    for (int base = 0; base < data.length; base += cols) {
      for (int c = 0; c < cols; c++) {
        o[c] += a * data[base + c];
      }
    }
  }

  @Override
  void axpyUnchecked(double alpha, Tensor x) {
    float[] xs = x.floats();
    float a = (float) alpha;
    for (int i = 0; i < data.length; i++) {
      data[i] += a * xs[i];
    }
  }

  @Override
  public void scale(double alpha) {
    float a = (float) alpha;
    for (int i = 0; i < data.length; i++) {
      data[i] *= a;
    }
  }
}
