package dev.descent.kernel;

import com.google.auto.service.AutoService;

/**
 * The fast default kernel: cache-blocked, register-blocked, auto-vectorised gemm in plain Java,
 * multi-threaded for large products. Needs no JVM flags or incubator modules.
 *
 * <p>Computes C ← α·op(A)·op(B) + β·C as specified by {@link MatrixKernels}, by one of three paths:
 *
 * <ul>
 *   <li>α = 0 or k = 0: C ← β·C, without reading A or B (β = 0 writes zeros);
 *   <li>small and skinny products: the register blocks of {@code DirectGemm}, which
 *       pack nothing, allocate nothing and stay on the calling thread. The blocked path
 *       vectorises along the rows of C and amortises its packing over the rows and its per-strip
 *       work over k, so the direct path takes products of at most {@value #DIRECT_WORK}
 *       multiply-adds; below the parallel threshold, C narrower than {@value #VECTOR_COLUMNS}
 *       columns (one vector of floats), or narrower than twice that with k or m under {@value
 *       #VECTOR_COLUMNS} (the narrow layers of a small network: a 2-10-5-1 network at batch 300
 *       runs every product here); and C of at most {@value #DIRECT_MAX_ROWS_TRANSPOSED_B} rows
 *       when op(B) = Bᵀ, where packing would gather all of Bᵀ for a few rows (the input gradient
 *       G·Wᵀ of a dense layer at batch 1);
 *   <li>otherwise the blocked path: blocks of up to 128 k-steps × 512 columns of op(B) (256 for
 *       double) are packed into per-thread buffers kept in L2; C is swept in strips of three rows
 *       held in L1, each updated two k-steps per pass over the columns by a loop that C2
 *       auto-vectorises; products of at least 2²² multiply-adds are cut along the longer side of C
 *       into one window per processor, computed by the calling thread and a shared pool of daemon
 *       threads.
 * </ul>
 *
 * <p>On every path each element of C is β·c followed by the products (α·a_ip)·b_pj added one at a
 * time in increasing p, with float arithmetic for float and double for double. The result is
 * therefore bit-for-bit the same whatever the path, block boundaries or number of threads, and
 * differs from {@link ReferenceKernels} (which accumulates in double) only by rounding. Immutable
 * and thread-safe.
 */
@AutoService(MatrixKernels.class)
public final class BlockedKernels implements MatrixKernels {

  /** The name, {@value}. */
  public static final String NAME = "blocked";

  /** Products of at most this many multiply-adds take the direct path. */
  static final long DIRECT_WORK = 1L << 12;

  /** The float lanes of a 256-bit vector: the width below which the blocked path cannot vectorise C's rows. */
  static final int VECTOR_COLUMNS = 8;

  /** With a transposed B, C with at most this many rows takes the direct path. */
  static final int DIRECT_MAX_ROWS_TRANSPOSED_B = 8;

  private final int threads;

  /** A kernel that uses up to one thread per available processor. */
  public BlockedKernels() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A kernel that splits large products into at most {@code threads} parts. */
  BlockedKernels(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "cache-blocked, packed, auto-vectorised 3-row micro-kernel; multi-threaded for large products";
  }

  @Override
  public int priority() {
    return 100;
  }

  /**
   * Whether an m×n×k product takes the direct path (see the class documentation). Depends on the
   * shape only, so the thread count never changes the path.
   */
  static boolean isDirect(boolean transB, int m, int n, int k) {
    long work = (long) m * n * k;
    if (work <= DIRECT_WORK || (transB && m <= DIRECT_MAX_ROWS_TRANSPOSED_B)) {
      return true;
    }
    boolean narrow = n < VECTOR_COLUMNS
        || (n < 2 * VECTOR_COLUMNS && (k < VECTOR_COLUMNS || m < VECTOR_COLUMNS / 2));
    return narrow && work < GemmThreads.PARALLEL_WORK;
  }

  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (RowScaling.withoutProduct(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    int ars = transA ? 1 : lda;
    int acs = transA ? lda : 1;
    int brs = transB ? 1 : ldb;
    int bcs = transB ? ldb : 1;
    if (isDirect(transB, m, n, k)) {
      DirectGemm.multiply(alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, m, n, k);
      return;
    }
    int parts = GemmThreads.parts(threads, m, n, k);
    if (parts == 1) {
      BlockedGemm.multiply(alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k, 0, m, 0, n);
      return;
    }
    GemmThreads.split(parts, m, n, MicroKernel.ROWS, BlockedGemm::multiply,
        alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k);
  }

  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc) {
    if (RowScaling.withoutProduct(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    int ars = transA ? 1 : lda;
    int acs = transA ? lda : 1;
    int brs = transB ? 1 : ldb;
    int bcs = transB ? ldb : 1;
    if (isDirect(transB, m, n, k)) {
      DirectGemm.multiply(alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, m, n, k);
      return;
    }
    int parts = GemmThreads.parts(threads, m, n, k);
    if (parts == 1) {
      BlockedGemm.multiply(alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k, 0, m, 0, n);
      return;
    }
    GemmThreads.split(parts, m, n, MicroKernel.ROWS, BlockedGemm::multiply,
        alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k);
  }
}
