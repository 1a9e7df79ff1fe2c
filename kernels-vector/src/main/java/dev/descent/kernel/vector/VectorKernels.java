package dev.descent.kernel.vector;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.GemmThreads;
import dev.descent.kernel.MatrixKernels;
import dev.descent.kernel.RowScaling;

/**
 * The fastest kernel: packed, register-blocked gemm written with the Vector API
 * ({@code jdk.incubator.vector}), in the design of GotoBLAS, BLIS and OpenBLAS. Available only when
 * the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code descent} launcher does);
 * without it this class still loads and reports itself unavailable, touching no Vector API class,
 * so a plain JVM falls back to the {@code blocked} kernel without an error or a warning.
 *
 * <p>Computes C ← α·op(A)·op(B) + β·C as specified by {@link MatrixKernels}, by one of four paths:
 *
 * <ul>
 *   <li>α = 0 or k = 0: C ← β·C, without reading A or B (β = 0 writes zeros without reading C);
 *   <li>A·Bᵀ into at most {@value #DOT_COLUMNS} columns with k ≥ {@value #DOT_DEPTH} (the weight
 *       gradient of a narrow layer held feature-major, k being the batch): each element a dot
 *       product of two contiguous rows in vector lanes ({@link FloatDots}, {@link DoubleDots}),
 *       split between threads as below when large;
 *   <li>m·n·k ≤ {@value #DIRECT_WORK}, or k ≤ {@value #SHALLOW} or m = 1: vector loops straight
 *       over the arrays, no packing ({@link FloatDirect}, {@link DoubleDirect}); the last two, bound
 *       by memory, are split between threads as below from {@value #STREAMING_WORK} multiply-adds;
 *   <li>otherwise the packed path ({@link FloatBlocked}, {@link DoubleBlocked}): blocks of op(A) and
 *       op(B) are packed, transposes included, into per-thread buffers sized for L1, L2 and L3,
 *       and a micro-kernel of 4 rows by two vectors (4×16 float and 4×8 double in 256-bit
 *       vectors, twice as wide in 512-bit ones) keeps 8 vector accumulators in
 *       registers ({@link FloatMicroKernel}, {@link DoubleMicroKernel}). Products of at least 2²²
 *       multiply-adds are cut along the longer side of C, never along k, into one window per
 *       processor, computed by the calling thread and the shared workers ({@link GemmThreads}), allocating nothing.
 * </ul>
 *
 * <p>Its {@link #elementwise()} functions (the ReLU gradient, binary cross-entropy from logits) run
 * in vectors too ({@link VectorElementwise}). A dense layer's ReLU step is applied to each vector of
 * its product before the store on the direct path ({@link #gemmBiasRelu}, {@link
 * #gemmReluGradient}), and in 512-bit vectors its bias gradient is summed while the dot-product path
 * computes its weight gradient ({@link #gemmWithColumnSums}); both with the bits of the separate
 * steps.
 *
 * <p>Every sum is a chain of fused multiply-adds (on the dot-product path, one per lane of a
 * 256-bit vector, the lanes then added) in an order fixed by the shape alone (which path, which k
 * blocks), never by the thread count, by where C is cut or by the processor's vector width, so
 * results are the same bit for bit on any number of threads and on AVX2 and AVX-512 alike; they
 * differ from {@link dev.descent.kernel.ReferenceKernels} only by rounding. Nothing is allocated
 * per call once a thread's buffers have grown to the sizes it uses. Immutable and thread-safe.
 */
@AutoService(MatrixKernels.class)
public final class VectorKernels implements MatrixKernels {

  /** The name, {@value}. */
  public static final String NAME = "vector";

  /** The module this kernel needs in the boot layer, {@value}. */
  public static final String MODULE = "jdk.incubator.vector";

  /** Products of at most this many multiply-adds take the direct path. */
  static final long DIRECT_WORK = 1L << 17;

  /** Products at most this deep take the direct path whatever their size. */
  static final int SHALLOW = 3;

  /** Shallow products and single rows with at least this many multiply-adds are split between threads. */
  static final long STREAMING_WORK = 1L << 16;

  /**
   * The rows at which products split between threads are cut: the packed path's tile height, also
   * the size of the direct path's row groups, so that only the last window ends in a cut tile.
   */
  private static final int ROW_STEP = Packing.MR;

  /** The least depth k of a product on the dot-product path. */
  static final int DOT_DEPTH = 64;

  /** The most columns of C a product on the dot-product path has. */
  static final int DOT_COLUMNS = 32;

  private static final boolean MODULE_PRESENT = ModuleLayer.boot().findModule(MODULE).isPresent();

  /** The processor's vector width in bits as the Vector API sees it, 0 without the module. */
  private static final int HARDWARE_BITS = MODULE_PRESENT ? Lanes.hardwareBits() : 0;

  private static final boolean AVAILABLE = MODULE_PRESENT && HARDWARE_BITS >= Lanes.BITS;

  private final int threads;

  /** A kernel that uses up to one thread per available processor. */
  public VectorKernels() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A kernel that splits large products into at most {@code threads} parts. */
  VectorKernels(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    String kernel = "packed, register-blocked FMA micro-kernel on jdk.incubator.vector, in the processor's"
        + " widest vectors (256 or 512 bits, the same bits either way);"
        + " multi-threaded for large products";
    if (MODULE_PRESENT && !AVAILABLE) {
      return kernel + " (needs 256-bit vectors, and this processor's are " + HARDWARE_BITS + "-bit)";
    }
    return kernel + " (needs --add-modules " + MODULE + ")";
  }

  @Override
  public int priority() {
    return 200;
  }

  /**
   * Whether the module {@value #MODULE} is in the boot layer and the processor has vectors of at
   * least 256 bits (AVX2 or AVX-512 on x86; not 128-bit NEON), the least width the loops compute in
   * ({@link Lanes}).
   */
  @Override
  public boolean isAvailable() {
    return AVAILABLE;
  }

  /** The ReLU gradient and binary cross-entropy from logits in vectors ({@link VectorElementwise}). */
  @Override
  public ElementwiseKernels elementwise() {
    requireAvailable();
    return VectorElementwise.INSTANCE;
  }

  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    requireAvailable();
    if (RowScaling.withoutProduct(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    Path path = Path.of(transA, transB, m, n, k);
    int parts = parts(path, m, n, k);
    if (path == Path.DIRECT && parts == 1) {
      FloatDirect.multiply(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    GemmThreads.FloatWindows product = switch (path) {
      case DOTS -> FloatDots::multiply;
      case DIRECT -> FloatDirect::window;
      case PACKED -> FloatBlocked::multiply;
    };
    int ars = transA ? 1 : lda;
    int acs = transA ? lda : 1;
    int brs = transB ? 1 : ldb;
    int bcs = transB ? ldb : 1;
    if (parts == 1) {
      product.multiply(alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k, 0, m, 0, n);
      return;
    }
    GemmThreads.split(parts, m, n, ROW_STEP, product, alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k);
  }

  @Override
  public void gemm(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc) {
    requireAvailable();
    if (RowScaling.withoutProduct(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    Path path = Path.of(transA, transB, m, n, k);
    int parts = parts(path, m, n, k);
    if (path == Path.DIRECT && parts == 1) {
      DoubleDirect.multiply(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    GemmThreads.DoubleWindows product = switch (path) {
      case DOTS -> DoubleDots::multiply;
      case DIRECT -> DoubleDirect::window;
      case PACKED -> DoubleBlocked::multiply;
    };
    int ars = transA ? 1 : lda;
    int acs = transA ? lda : 1;
    int brs = transB ? 1 : ldb;
    int bcs = transB ? ldb : 1;
    if (parts == 1) {
      product.multiply(alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k, 0, m, 0, n);
      return;
    }
    GemmThreads.split(parts, m, n, ROW_STEP, product, alpha, a, aOff, ars, acs, b, bOff, brs, bcs, beta, c, cOff, ldc, k);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here, on the direct path on one thread, in one pass: each vector of C gets its bias and ReLU in
   * registers before it is stored ({@link FloatDirect#fused}).
   */
  @Override
  public void gemmBiasRelu(
      boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    if (!fusedHere(transA, transB, m, n, k) || !FloatDirect.fused(FloatDirect.BIAS_RELU, transA, transB, m, n, k,
        a, aOff, lda, b, bOff, ldb, bias, biasOff, null, c, cOff, ldc)) {
      MatrixKernels.super.gemmBiasRelu(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, bias, biasOff, c, cOff, ldc);
    }
  }

  /** {@inheritDoc} Fused as the float version is. */
  @Override
  public void gemmBiasRelu(
      boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] bias, int biasOff, double[] c, int cOff, int ldc) {
    if (!fusedHere(transA, transB, m, n, k) || !DoubleDirect.fused(DoubleDirect.BIAS_RELU, transA, transB, m, n, k,
        a, aOff, lda, b, bOff, ldb, bias, biasOff, null, c, cOff, ldc)) {
      MatrixKernels.super.gemmBiasRelu(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, bias, biasOff, c, cOff, ldc);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here, on the direct path on one thread, in one pass: each vector of C is masked in registers
   * before it is stored ({@link FloatDirect#fused}).
   */
  @Override
  public void gemmReluGradient(
      boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] x, float[] c, int cOff, int ldc) {
    if (!fusedHere(transA, transB, m, n, k) || !FloatDirect.fused(FloatDirect.RELU_GRADIENT, transA, transB, m, n, k,
        a, aOff, lda, b, bOff, ldb, null, 0, x, c, cOff, ldc)) {
      MatrixKernels.super.gemmReluGradient(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, x, c, cOff, ldc);
    }
  }

  /** {@inheritDoc} Fused as the float version is. */
  @Override
  public void gemmReluGradient(
      boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] x, double[] c, int cOff, int ldc) {
    if (!fusedHere(transA, transB, m, n, k) || !DoubleDirect.fused(DoubleDirect.RELU_GRADIENT, transA, transB, m, n, k,
        a, aOff, lda, b, bOff, ldb, null, 0, x, c, cOff, ldc)) {
      MatrixKernels.super.gemmReluGradient(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, x, c, cOff, ldc);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here, in 512-bit vectors on the dot-product path on one thread with at least two rows of C, in
   * one pass over B: its rows are summed by the blocks of A's first two rows as they read them
   * ({@link FloatDots#multiplyWithSums}).
   */
  @Override
  public void gemmWithColumnSums(
      boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc, float[] s, int sOff) {
    if (summedHere(transA, transB, m, n, k)) {
      FloatDots.multiplyWithSums(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, s, sOff);
    } else {
      MatrixKernels.super.gemmWithColumnSums(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, s, sOff);
    }
  }

  /** {@inheritDoc} Summed as the float version is ({@link DoubleDots#multiplyWithSums}). */
  @Override
  public void gemmWithColumnSums(
      boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] c, int cOff, int ldc, double[] s, int sOff) {
    if (summedHere(transA, transB, m, n, k)) {
      DoubleDots.multiplyWithSums(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, s, sOff);
    } else {
      MatrixKernels.super.gemmWithColumnSums(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, s, sOff);
    }
  }

  /**
   * Whether a product of this shape takes the dot-product path on one thread with at least two rows,
   * in 512-bit vectors, where op(B)'s column sums (B's rows) are taken with it; the sums alone,
   * 1ᵀ·op(B), take that path too, as its choice does not depend on m.
   */
  private boolean summedHere(boolean transA, boolean transB, int m, int n, int k) {
    return DoubleDots.WIDE && m >= 2 && onOneThread(Path.DOTS, transA, transB, m, n, k);
  }

  /** Whether a product of this shape takes the direct path on one thread, where its ReLU step is fused. */
  private boolean fusedHere(boolean transA, boolean transB, int m, int n, int k) {
    return onOneThread(Path.DIRECT, transA, transB, m, n, k);
  }

  /** Whether a product of this shape, none of m, n and k zero, takes {@code expected} on one thread. */
  private boolean onOneThread(Path expected, boolean transA, boolean transB, int m, int n, int k) {
    requireAvailable();
    Path path = Path.of(transA, transB, m, n, k);
    return m > 0 && n > 0 && k > 0 && path == expected && parts(path, m, n, k) == 1;
  }

  /**
   * The path a product takes, chosen by its shape alone, the same for float and double:
   *
   * <ul>
   *   <li>{@link #DOTS}: A·Bᵀ (both read along k), at least {@value #DOT_DEPTH} deep, into at most
   *       {@value #DOT_COLUMNS} columns of C; the choice does not depend on m, so a row of C gets
   *       the same bits whatever rows are computed with it;
   *   <li>{@link #DIRECT}: otherwise small ones, and shallow ones (k ≤ {@value #SHALLOW}, as in the
   *       weight gradient of a single example) or single rows (a single example through a layer) of
   *       any size, for which packing costs more than the product;
   *   <li>{@link #PACKED}: every other product.
   * </ul>
   */
  private enum Path {
    DOTS, DIRECT, PACKED;

    static Path of(boolean transA, boolean transB, int m, int n, int k) {
      if (!transA && transB && k >= DOT_DEPTH && n <= DOT_COLUMNS) {
        return DOTS;
      }
      return (long) m * n * k <= DIRECT_WORK || k <= SHALLOW || m == 1 ? DIRECT : PACKED;
    }
  }

  /**
   * How many windows a product on {@code path} is split into. On the direct path only products bound
   * by memory rather than arithmetic are split: a shallow one (k ≤ {@value #SHALLOW}, the weight
   * gradient of a single example writes a value of C per multiply-add) or a single row (one example
   * through a layer reads a weight per multiply-add) of at least {@value #STREAMING_WORK}
   * multiply-adds, which two cores, each with its own caches, move faster than one.
   */
  private int parts(Path path, int m, int n, int k) {
    if (path != Path.DIRECT) {
      return GemmThreads.parts(threads, m, n, k);
    }
    if (k > SHALLOW && m != 1) {
      return 1;
    }
    return GemmThreads.parts(threads, m, n, k, STREAMING_WORK);
  }

  private static void requireAvailable() {
    if (!MODULE_PRESENT) {
      throw new DescentException(
          "kernel '" + NAME + "' needs the module " + MODULE + ": run java with --add-modules " + MODULE);
    }
    if (!AVAILABLE) {
      throw new DescentException("kernel '" + NAME + "' computes in " + Lanes.BITS
          + "-bit vectors, and this processor's are " + HARDWARE_BITS + "-bit: use the 'blocked' kernel");
    }
  }
}
