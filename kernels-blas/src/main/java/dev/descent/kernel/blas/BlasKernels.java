package dev.descent.kernel.blas;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.kernel.RowScaling;
import dev.ludovic.netlib.blas.BLAS;

/**
 * The opt-in kernel that hands every product to the system BLAS ({@code sgemm}/{@code dgemm},
 * normally OpenBLAS) through {@code dev.ludovic.netlib}; select it with {@code -Ddescent.kernel=blas}.
 *
 * <p>Computes C ← α·op(A)·op(B) + β·C as specified by {@link MatrixKernels} (the Level 3 BLAS
 * {@code xGEMM} of Dongarra, Du Croz, Duff and Hammarling, ACM TOMS 16(1), 1990, reference code at
 * netlib.org/blas). BLAS is column-major and a row-major m×n matrix with leading dimension ld is
 * the column-major n×m matrix of its transpose with the same ld, so the row-major product
 * C = op(A)·op(B) is computed as the column-major product Cᵀ = op(B)ᵀ·op(A)ᵀ: gemm is called with
 * A and B swapped, m and n swapped, and each operand passed as stored, with "N" when the contract
 * does not transpose it and "T" when it does. Offsets go to netlib with the arrays; no copy is made
 * except in one corner case described in {@link TightCopy}.
 *
 * <p>Around BLAS: every call is bounds-checked first ({@link GemmBounds}), since native code
 * does not check; m = 0 or n = 0 returns at once; k = 0 or α = 0 computes C ← β·C in Java without
 * reading A or B, β = 0 writing zeros over whatever C held. With β = 0 in a real product, BLAS
 * itself must not read C (the reference {@code xGEMM} sets C to zero first, as does OpenBLAS), so
 * NaN in C does not propagate; the tests check this against the library actually loaded.
 *
 * <p><b>Not reproducible.</b> The results are whatever the loaded library computes: OpenBLAS
 * chooses its kernels for the CPU at run time, may use fused multiply-adds, splits large products
 * over {@code OPENBLAS_NUM_THREADS} threads, and changes all of this between versions; the
 * reference BLAS accumulates in yet another order. So the same seed can give different bits on
 * another machine, library version or thread count, which breaks the project rule that it must
 * not. That is why this kernel's {@link #priority()} is below that of the default
 * {@link dev.descent.kernel.BlockedKernels blocked} kernel: it is never chosen unless asked for by name.
 *
 * <p>{@link #isAvailable()} is true only when netlib loaded a native BLAS in this JVM; netlib's
 * pure-Java fallback does not count. Stateless, and thread-safe as far as the loaded library is:
 * netlib's native wrapper keeps no state, and OpenBLAS's multi-threaded builds (Debian's default,
 * {@code libopenblas0-pthread}) lock around their shared buffers, while a single-threaded build is
 * safe for concurrent calls only when compiled with {@code USE_LOCKING=1} (OpenBLAS issues #2126
 * and #2164).
 */
@AutoService(MatrixKernels.class)
public final class BlasKernels implements MatrixKernels {

  /** The name, {@value}. */
  public static final String NAME = "blas";

  /** The selection rank, {@value}: above the reference kernel, below the blocked default. */
  public static final int PRIORITY = 50;

  /** A kernel backed by the native BLAS if one loads; see {@link #isAvailable()}. */
  public BlasKernels() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * What runs and, when the native library did not load, how to make it load; one line, shown
   * by {@code descent list kernels} and in the error for {@code -Ddescent.kernel=blas}.
   */
  @Override
  public String description() {
    String what = "sgemm/dgemm of the native BLAS " + NativeBlas.library()
        + " (OpenBLAS if installed) through dev.ludovic.netlib; not reproducible across machines,"
        + " library versions or thread counts";
    if (isAvailable()) {
      return what;
    }
    return what + "; not loaded here: install OpenBLAS (Debian: apt-get install libopenblas0) or set -D"
        + NativeBlas.PATH_PROPERTY + "=/path/to/libblas.so (Linux amd64 and aarch64 only)";
  }

  /** {@value #PRIORITY}, below the blocked kernel, so this kernel runs only when forced by name. */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /**
   * Whether netlib loaded a native BLAS ({@code NativeBLAS.getInstance()} succeeded). The first
   * call loads it; a failure prints nothing and answers false.
   */
  @Override
  public boolean isAvailable() {
    return NativeBlas.instance() != null;
  }

  /**
   * Single-precision C ← α·op(A)·op(B) + β·C by {@code sgemm}; see the class documentation.
   *
   * @throws DescentException if an argument breaks the contract, or the native BLAS is not loaded
   */
  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    GemmBounds.check(
        transA, transB, m, n, k,
        a == null ? -1 : a.length, aOff, lda, b == null ? -1 : b.length, bOff, ldb,
        c == null ? -1 : c.length, cOff, ldc);
    if (RowScaling.withoutProduct(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    BLAS blas = loaded();
    int aRows = transA ? k : m;
    int bRows = transB ? n : k;
    if (!TightCopy.accepted(a.length, aOff, aRows, lda)) {
      int aCols = transA ? m : k;
      a = TightCopy.of(a, aOff, aRows, aCols, lda);
      aOff = 0;
      lda = aCols;
    }
    if (!TightCopy.accepted(b.length, bOff, bRows, ldb)) {
      int bCols = transB ? k : n;
      b = TightCopy.of(b, bOff, bRows, bCols, ldb);
      bOff = 0;
      ldb = bCols;
    }
    blas.sgemm(
        transB ? "T" : "N", transA ? "T" : "N", n, m, k,
        alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc);
  }

  /**
   * Double-precision C ← α·op(A)·op(B) + β·C by {@code dgemm}; see the class documentation.
   *
   * @throws DescentException if an argument breaks the contract, or the native BLAS is not loaded
   */
  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc) {
    GemmBounds.check(
        transA, transB, m, n, k,
        a == null ? -1 : a.length, aOff, lda, b == null ? -1 : b.length, bOff, ldb,
        c == null ? -1 : c.length, cOff, ldc);
    if (RowScaling.withoutProduct(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    BLAS blas = loaded();
    int aRows = transA ? k : m;
    int bRows = transB ? n : k;
    if (!TightCopy.accepted(a.length, aOff, aRows, lda)) {
      int aCols = transA ? m : k;
      a = TightCopy.of(a, aOff, aRows, aCols, lda);
      aOff = 0;
      lda = aCols;
    }
    if (!TightCopy.accepted(b.length, bOff, bRows, ldb)) {
      int bCols = transB ? k : n;
      b = TightCopy.of(b, bOff, bRows, bCols, ldb);
      bOff = 0;
      ldb = bCols;
    }
    blas.dgemm(
        transB ? "T" : "N", transA ? "T" : "N", n, m, k,
        alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc);
  }

  private BLAS loaded() {
    BLAS blas = NativeBlas.instance();
    if (blas == null) {
      throw new DescentException("kernel '" + NAME + "' (-D" + Kernels.PROPERTY + ") is not available: " + description());
    }
    return blas;
  }
}
