package dev.descent.bench.ejml;

import dev.descent.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * EJML's dense row-major products behind the {@link MatrixKernels} interface, so that the
 * benchmarks compare EJML with the Descent kernels in the same run, on the same arrays, through
 * the same code (a gemm call, a {@code Dense} layer, a training step).
 *
 * <p>C ← α·op(A)·op(B) + β·C maps onto EJML as follows: β = 0 is {@code mult}, {@code multTransA},
 * {@code multTransB} or {@code multTransAB} with α (they overwrite C without reading it); β = 1 is
 * the matching {@code multAdd*}; any other β first scales the m×n window of C by β, then adds. k = 0
 * or α = 0 only scales C (β = 0 writes zeros). Operands stored whole (offset 0, leading dimension
 * equal to the row length, which is how Descent's tensors call a kernel) are wrapped without a
 * copy; any other storage is copied into compact arrays first, and C copied back, which is slower
 * but correct.
 *
 * <p>Registered for the benchmarks only (never on a library user's class path), with a priority
 * below every Descent kernel so that it is used only when asked for by name. Immutable and
 * thread-safe, as EJML's static operations are.
 */
public abstract class EjmlKernels implements MatrixKernels {

  /** A product of EJML's float API: c ← α·op(a)·op(b), or c += α·op(a)·op(b). */
  @FunctionalInterface
  protected interface FloatProduct {
    /** Applies the product. */
    void apply(float alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);
  }

  /** A product of EJML's double API: c ← α·op(a)·op(b), or c += α·op(a)·op(b). */
  @FunctionalInterface
  protected interface DoubleProduct {
    /** Applies the product. */
    void apply(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
  }

  /** Below every Descent kernel (the reference kernel has 0): chosen only by name. */
  static final int PRIORITY = -100;

  private final String name;
  private final String description;
  private final FloatProduct[] floatSet;
  private final FloatProduct[] floatAdd;
  private final DoubleProduct[] doubleSet;
  private final DoubleProduct[] doubleAdd;

  /**
   * A kernel named {@code name} whose products are, indexed by {@code (transA ? 2 : 0) + (transB ? 1 : 0)}
   * (NN, NT, TN, TT), {@code floatSet} and {@code doubleSet} for C ← α·op(A)·op(B) and
   * {@code floatAdd} and {@code doubleAdd} for C ← C + α·op(A)·op(B).
   */
  protected EjmlKernels(String name, String description, FloatProduct[] floatSet, FloatProduct[] floatAdd,
      DoubleProduct[] doubleSet, DoubleProduct[] doubleAdd) {
    this.name = name;
    this.description = description;
    this.floatSet = floatSet.clone();
    this.floatAdd = floatAdd.clone();
    this.doubleSet = doubleSet.clone();
    this.doubleAdd = doubleAdd.clone();
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final int priority() {
    return PRIORITY;
  }

  @Override
  public final void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) {
      return;
    }
    if (k <= 0 || alpha == 0) {
      scale(beta, c, cOff, ldc, m, n);
      return;
    }
    FMatrixRMaj ma = matrix(a, aOff, lda, transA ? k : m, transA ? m : k);
    FMatrixRMaj mb = matrix(b, bOff, ldb, transB ? n : k, transB ? k : n);
    boolean whole = cOff == 0 && ldc == n;
    FMatrixRMaj mc = whole ? FMatrixRMaj.wrap(m, n, c) : matrix(c, cOff, ldc, m, n);
    int op = (transA ? 2 : 0) + (transB ? 1 : 0);
    if (beta == 0) {
      floatSet[op].apply(alpha, ma, mb, mc);
    } else {
      if (beta != 1) {
        scale(beta, mc.data, 0, n, m, n);
      }
      floatAdd[op].apply(alpha, ma, mb, mc);
    }
    if (!whole) {
      for (int i = 0; i < m; i++) {
        System.arraycopy(mc.data, i * n, c, cOff + i * ldc, n);
      }
    }
  }

  @Override
  public final void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) {
      return;
    }
    if (k <= 0 || alpha == 0) {
      scale(beta, c, cOff, ldc, m, n);
      return;
    }
    DMatrixRMaj ma = matrix(a, aOff, lda, transA ? k : m, transA ? m : k);
    DMatrixRMaj mb = matrix(b, bOff, ldb, transB ? n : k, transB ? k : n);
    boolean whole = cOff == 0 && ldc == n;
    DMatrixRMaj mc = whole ? DMatrixRMaj.wrap(m, n, c) : matrix(c, cOff, ldc, m, n);
    int op = (transA ? 2 : 0) + (transB ? 1 : 0);
    if (beta == 0) {
      doubleSet[op].apply(alpha, ma, mb, mc);
    } else {
      if (beta != 1) {
        scale(beta, mc.data, 0, n, m, n);
      }
      doubleAdd[op].apply(alpha, ma, mb, mc);
    }
    if (!whole) {
      for (int i = 0; i < m; i++) {
        System.arraycopy(mc.data, i * n, c, cOff + i * ldc, n);
      }
    }
  }

  /** The rows × cols matrix at {@code off} with leading dimension {@code ld}: wrapped when stored whole, else copied. */
  private static FMatrixRMaj matrix(float[] x, int off, int ld, int rows, int cols) {
    if (off == 0 && ld == cols) {
      return FMatrixRMaj.wrap(rows, cols, x);
    }
    FMatrixRMaj copy = new FMatrixRMaj(rows, cols);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(x, off + i * ld, copy.data, i * cols, cols);
    }
    return copy;
  }

  private static DMatrixRMaj matrix(double[] x, int off, int ld, int rows, int cols) {
    if (off == 0 && ld == cols) {
      return DMatrixRMaj.wrap(rows, cols, x);
    }
    DMatrixRMaj copy = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(x, off + i * ld, copy.data, i * cols, cols);
    }
    return copy;
  }

  /** C ← β·C over the m×n window; β = 0 writes zeros without reading C. */
  private static void scale(float beta, float[] c, int cOff, int ldc, int m, int n) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      for (int j = row; j < row + n; j++) {
        c[j] = beta == 0 ? 0f : beta * c[j];
      }
    }
  }

  private static void scale(double beta, double[] c, int cOff, int ldc, int m, int n) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      for (int j = row; j < row + n; j++) {
        c[j] = beta == 0 ? 0d : beta * c[j];
      }
    }
  }
}
