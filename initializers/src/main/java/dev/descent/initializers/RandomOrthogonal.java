package dev.descent.initializers;

import dev.descent.initializers.distribution.Normal;
import dev.descent.initializers.sampling.ChunkedFill;
import dev.descent.initializers.sampling.FillExecutor;
import dev.descent.tensor.DoubleTensor;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;

/**
 * Haar-random semi-orthogonal matrices, as Keras's {@code Orthogonal} and PyTorch's {@code
 * orthogonal_} make them: draw an n×m standard normal matrix A (n = max(rows, cols), m = min), take
 * its QR factorization, and multiply each column of Q by the sign of the matching diagonal entry
 * of R, which makes Q uniformly (Haar) distributed (Mezzadri, "How to generate random matrices from
 * the classical compact groups", 2007); transpose when rows &lt; cols. The result W has
 * orthonormal columns (WᵀW = I) when rows ≥ cols and orthonormal rows (WWᵀ = I) otherwise.
 *
 * <p>The factorization is Householder's, in double precision, O(n·m²) (about a second for 1024 ×
 * 1024 on two cores); large reflection steps run on every core. The normal draws use {@link
 * ChunkedFill}, so the matrix depends only on the seed, never on the thread count. Stateless and
 * thread-safe.
 */
final class RandomOrthogonal {
  /** Multiply-adds per reflection step from which the columns are reflected in parallel. */
  private static final long PARALLEL_WORK = 1 << 16;

  private RandomOrthogonal() {}

  /**
   * Writes gain·W into {@code out} (any dtype), read as a {@code rows × cols} matrix, with W drawn
   * for {@code seed}.
   */
  static void fill(Tensor out, int rows, int cols, double gain, long seed) {
    int n = Math.max(rows, cols);
    int m = Math.min(rows, cols);
    // a holds A column-major: column j is a[j*n .. j*n + n - 1]; one tensor row per column of A.
    DoubleTensor columns = new DoubleTensor(Shape.matrix(m, n));
    ChunkedFill.fill(columns, new Normal(0, 1), seed);
    double[] a = columns.doubles();
    double[] signs = factor(a, n, m);
    double[] q = formQ(a, n, m);
    for (int j = 0; j < m; j++) {
      double s = gain * signs[j];
      for (int i = 0; i < n; i++) {
        double value = s * q[j * n + i];
        if (rows >= cols) {
          out.set(i * cols + j, value);
        } else {
          out.set(j * cols + i, value);
        }
      }
    }
  }

  /**
   * Householder QR in place: column k of {@code a} becomes the reflector vector vₖ (rows k..n−1);
   * returns sign(R[k][k]) for each k.
   */
  private static double[] factor(double[] a, int n, int m) {
    double[] signs = new double[m];
    for (int k = 0; k < m; k++) {
      int ck = k * n;
      double norm = 0;
      for (int i = k; i < n; i++) {
        norm += a[ck + i] * a[ck + i];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        signs[k] = 1;
        continue;
      }
      double alpha = a[ck + k] >= 0 ? -norm : norm;
      signs[k] = Math.signum(alpha);
      a[ck + k] -= alpha;
      double vv = 0;
      for (int i = k; i < n; i++) {
        vv += a[ck + i] * a[ck + i];
      }
      reflectColumns(a, ck, a, k + 1, m, k, n, vv);
    }
    return signs;
  }

  /** The thin Q (n×m, column-major) = H₀·H₁·…·H_{m−1}·[e₀ … e_{m−1}]. */
  private static double[] formQ(double[] a, int n, int m) {
    double[] q = new double[n * m];
    for (int j = 0; j < m; j++) {
      q[j * n + j] = 1;
    }
    for (int k = m - 1; k >= 0; k--) {
      int ck = k * n;
      double vv = 0;
      for (int i = k; i < n; i++) {
        vv += a[ck + i] * a[ck + i];
      }
      if (vv == 0) {
        continue;
      }
      reflectColumns(a, ck, q, k, m, k, n, vv);
    }
    return q;
  }

  /**
   * Reflects columns {@code from..to−1} of {@code x} (column-major, n rows); on every core when the
   * work is large. Each column is updated alone, so the result does not depend on the thread count.
   */
  private static void reflectColumns(double[] v, int vo, double[] x, int from, int to, int k, int n, double vv) {
    int columns = to - from;
    if (columns <= 0) {
      return;
    }
    long work = (long) columns * (n - k);
    int pieces = work < PARALLEL_WORK ? 1 : Math.min(columns, 4 * FillExecutor.current().threads());
    FillExecutor.current().run(pieces, p -> {
      int start = from + (int) ((long) columns * p / pieces);
      int end = from + (int) ((long) columns * (p + 1) / pieces);
      for (int j = start; j < end; j++) {
        reflect(v, vo, x, j * n, k, n, vv);
      }
    }, pieces > 1);
  }

  /** x ← (I − 2vvᵀ/vᵀv)·x on rows k..n−1, for v at {@code v[vo..]} and x at {@code x[xo..]}. */
  private static void reflect(double[] v, int vo, double[] x, int xo, int k, int n, double vv) {
    double dot = 0;
    for (int i = k; i < n; i++) {
      dot += v[vo + i] * x[xo + i];
    }
    double f = 2 * dot / vv;
    for (int i = k; i < n; i++) {
      x[xo + i] -= f * v[vo + i];
    }
  }
}
