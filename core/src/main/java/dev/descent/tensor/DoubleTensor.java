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
    double[] to = out.doubles();
    int rows = rows();
    int cols = cols();
    // Whole rows or columns at a time when the other side fits a tile: the inner loop then runs
    // long, and the lines it strides over are read (or written) again by the next pass.
    int tileRows = cols <= TRANSPOSE_TILE ? rows : TRANSPOSE_TILE;
    int tileCols = rows <= TRANSPOSE_TILE ? cols : TRANSPOSE_TILE;
    for (int r0 = 0; r0 < rows; r0 += tileRows) {
      int r1 = Math.min(rows, r0 + tileRows);
      for (int c0 = 0; c0 < cols; c0 += tileCols) {
        int c1 = Math.min(cols, c0 + tileCols);
        if (r1 - r0 >= c1 - c0) {
          // down each column with a running index (no multiplication per element): twice as fast
          // on the narrow inputs of a feature-major stack ([300, 2]: 0.26 µs against 0.51)
          for (int c = c0; c < c1; c++) {
            int target = c * rows;
            int source = r0 * cols + c;
            for (int r = r0; r < r1; r++) {
              to[target + r] = data[source];
              source += cols;
            }
          }
        } else {
          for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
              to[c * rows + r] = data[r * cols + c];
            }
          }
        }
      }
    }
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
