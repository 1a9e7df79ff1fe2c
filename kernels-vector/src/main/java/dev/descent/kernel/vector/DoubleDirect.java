package dev.descent.kernel.vector;

import dev.descent.kernel.GemmThreads;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The double path for small products: vector loops straight over the caller's arrays, without the
 * packing of {@link DoubleBlocked}.
 *
 * <p>C ← α·op(A)·op(B) + β·C for the whole m×n matrix, element by element as
 * C(i, j) ← β·C(i, j) (zero without reading C when β = 0), then C(i, j) ← fma(α·A(i, p), B(p, j),
 * C(i, j)) for p = 0 … k−1 in order, α·A(i, p) formed once per call: op(A) is copied, scaled, into a
 * per-thread buffer in groups of rows that every loop reads with constant strides, so no loop
 * multiplies by α and C2 moves the checks of A's indices out of the loops (m·k copies, against the
 * m·n·k multiply-adds). Vectors run along the rows of C and of op(B), four rows of C
 * at a time (two vectors of each, eight accumulators in registers), then two rows of four vectors
 * and a last row of four; products one or two deep (a layer's gradient for one or two inputs, the
 * first layer of a small network) go through C once, four rows and one vector at a time. Each block's loop over the
 * columns inside one method so that short products pay one call per block (each loop runs to a
 * bound computed before it, so that C2 treats it as a counted loop); columns past the last whole
 * vector are done in scalar {@link Math#fma}, which rounds exactly like a vector lane, so every
 * element gets the same operations wherever it lies; when β = 0 and a row holds a whole vector, they
 * are instead the tail of one more vector that ends at the last column, its first lanes computed a
 * second time with the same operations (C is not read, so their bits do not change; a row of 300
 * in 512-bit lanes leaves 4 columns past the last whole vector).
 *
 * <p>A row of op(B) is contiguous when op(B) = B. When op(B) = Bᵀ, a column of op(B) is a row of B:
 * with fewer than {@value #FEW_ROWS} rows of C (a single example in a batch, for one) each element
 * is a scalar chain along such a row, eight columns at a time; with more, op(B) is first copied
 * into a per-thread buffer of k·n elements, which the rows then share.
 */
final class DoubleDirect {
  private static final VectorSpecies<Double> SPECIES = Lanes.DOUBLES;
  private static final int LANES = SPECIES.length();
  private static final int ROWS = 4;
  /** The arithmetic shift that spreads a lane's sign bit over the lane. */
  private static final int SIGN = Long.SIZE - 1;
  /**
   * Below this many rows of C, op(B) = Bᵀ is read where it lies rather than copied: the copy costs
   * as much as a row of the product, and is repaid only over several rows.
   */
  private static final int FEW_ROWS = 8;
  /** Columns of C summed together when op(B) = Bᵀ is read where it lies. */
  private static final int COLUMNS = 8;
  /** Side of the square blocks in which op(B) = Bᵀ is copied. */
  private static final int TILE = 16;

  /** {@link #fused}: C ← max(op(A)·op(B) + bias·1ᵀ, 0). */
  static final int BIAS_RELU = 1;
  /** {@link #fused}: C ← op(A)·op(B) where X &gt; 0 (bits as a signed integer), +0 elsewhere. */
  static final int RELU_GRADIENT = 2;

  private DoubleDirect() {}

  /**
   * A product and its ReLU step ({@link #BIAS_RELU} or {@link #RELU_GRADIENT}, as {@code
   * MatrixKernels.gemmBiasRelu} and {@code gemmReluGradient} define them) in one pass over C: each
   * vector of C is summed in registers as {@link #multiply} sums it with α = 1 and β = 0, the step
   * applied there, and stored once, so the bits are those of the product followed by the step.
   * Rows of C in groups of four two vectors at a time (one vector at a time with A in registers for a
   * product one or two deep), then a group of two and a last row four vectors at a time (as {@link
   * #packed} groups them), the last vectors of a row ending at its last column.
   * Returns false, having done nothing, when a row of C is shorter than four vectors, or op(B) = Bᵀ
   * with fewer than {@value #FEW_ROWS} rows.
   * Each block writes the step out at every store: a method that took the vector would have to be
   * inlined into the block, or C2 boxes the vector on the heap (a helper of 18 bytes of bytecode
   * was refused there once C2's node count passed its inlining cutoff: 10 µs in place of 1).
   *
   * <p>The ReLU gradient's step keeps a lane where X's bits b, as a signed integer, are positive. In
   * 512-bit lanes ({@link Lanes#WIDE}) it ANDs the lane with {@code (−b & ~b) >> SIGN}, {@code
   * ScalarElementwise}'s mask: {@code −b & ~b} has its sign bit set exactly where b &gt; 0 (for −0,
   * b = MIN_VALUE and −b = b, but ~b clears it), and the arithmetic shift spreads that bit over the
   * lane. Under AVX-512 on JDK 17 this beats a compare and a blend, whose mask C2 moves from a mask
   * register into a vector and back: the 2-10-5-1 exercise's 10×300 gradient took 946 to 1,088 ns
   * in place of 1,080 to 1,182 (on Temurin 25, 914 to 960 in place of 926 to 1,080). In 256-bit
   * lanes it is the compare and the blend, two instructions under AVX2, which has no arithmetic
   * shift of 64-bit lanes: with C2's emulation of one, the exercise's gradient took 1,765 to 1,816
   * ns in place of 1,445 to 1,545 (benchmarks/README.md).
   */
  static boolean fused(
      int epilogue, boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
      double[] bias, int biasOff, double[] x, double[] c, int cOff, int ldc) {
    if (n < 4 * LANES || transB && m < FEW_ROWS) {
      return false;
    }
    double[] ap = packed(1, transA, a, aOff, lda, m, k);
    if (transB) {
      b = transposed(b, bOff, ldb, k, n);
      bOff = 0;
      ldb = n;
    }
    int i = 0;
    for (; i + ROWS <= m; i += ROWS) {
      if (k <= 2) {
        fourRowsShallowFused(epilogue, k == 2, ap, i * k, b, bOff, ldb, bias, biasOff + i, x, c, cOff + i * ldc, ldc, n);
      } else {
        fourRowsFused(epilogue, k, ap, i * k, b, bOff, ldb, bias, biasOff + i, x, c, cOff + i * ldc, ldc, n);
      }
    }
    if (i + 2 <= m) {
      twoRowsFused(epilogue, k, ap, i * k, b, bOff, ldb, bias, biasOff + i, x, c, cOff + i * ldc, ldc, n);
      i += 2;
    }
    if (i < m) {
      oneRowFused(epilogue, k, ap, i * k, b, bOff, ldb, bias, biasOff + i, x, c, cOff + i * ldc, n);
    }
    return true;
  }

  /**
   * Four rows of C from ci (stride ldc) for {@link #fused}, two vectors at a time (eight
   * accumulators; each load of B serves four rows, each of A two vectors), each row's bias from bi.
   */
  private static void fourRowsFused(
      int epilogue, int k, double[] a, int ai, double[] b, int bOff, int ldb,
      double[] bias, int bi, double[] x, double[] c, int ci, int ldc, int n) {
    boolean withBias = epilogue == BIAS_RELU;
    double bias0 = withBias ? bias[bi] : 0;
    double bias1 = withBias ? bias[bi + 1] : 0;
    double bias2 = withBias ? bias[bi + 2] : 0;
    double bias3 = withBias ? bias[bi + 3] : 0;
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int next = 0; next < n; next += 2 * LANES) {
      int j = Math.min(next, n - 2 * LANES);
      DoubleVector s00 = zero;
      DoubleVector s01 = zero;
      DoubleVector s10 = zero;
      DoubleVector s11 = zero;
      DoubleVector s20 = zero;
      DoubleVector s21 = zero;
      DoubleVector s30 = zero;
      DoubleVector s31 = zero;
      for (int p = 0; p < k; p++) {
        int q = ai + p * ROWS;
        int bp = bOff + j + p * ldb;
        DoubleVector y0 = DoubleVector.fromArray(SPECIES, b, bp);
        DoubleVector y1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
        DoubleVector w = DoubleVector.broadcast(SPECIES, a[q]);
        s00 = w.fma(y0, s00);
        s01 = w.fma(y1, s01);
        w = DoubleVector.broadcast(SPECIES, a[q + 1]);
        s10 = w.fma(y0, s10);
        s11 = w.fma(y1, s11);
        w = DoubleVector.broadcast(SPECIES, a[q + 2]);
        s20 = w.fma(y0, s20);
        s21 = w.fma(y1, s21);
        w = DoubleVector.broadcast(SPECIES, a[q + 3]);
        s30 = w.fma(y0, s30);
        s31 = w.fma(y1, s31);
      }
      int r0 = ci + j;
      int r1 = r0 + ldc;
      int r2 = r1 + ldc;
      int r3 = r2 + ldc;
      if (withBias) {
        s00.add(bias0).max(zero).intoArray(c, r0);
        s01.add(bias0).max(zero).intoArray(c, r0 + LANES);
        s10.add(bias1).max(zero).intoArray(c, r1);
        s11.add(bias1).max(zero).intoArray(c, r1 + LANES);
        s20.add(bias2).max(zero).intoArray(c, r2);
        s21.add(bias2).max(zero).intoArray(c, r2 + LANES);
        s30.add(bias3).max(zero).intoArray(c, r3);
        s31.add(bias3).max(zero).intoArray(c, r3 + LANES);
      } else if (Lanes.WIDE) {
        LongVector noBits = LongVector.zero(Lanes.LONGS);
        LongVector bits;
        bits = DoubleVector.fromArray(SPECIES, x, r0).reinterpretAsLongs();
        s00.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0);
        bits = DoubleVector.fromArray(SPECIES, x, r0 + LANES).reinterpretAsLongs();
        s01.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0 + LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r1).reinterpretAsLongs();
        s10.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1);
        bits = DoubleVector.fromArray(SPECIES, x, r1 + LANES).reinterpretAsLongs();
        s11.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1 + LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r2).reinterpretAsLongs();
        s20.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r2);
        bits = DoubleVector.fromArray(SPECIES, x, r2 + LANES).reinterpretAsLongs();
        s21.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r2 + LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r3).reinterpretAsLongs();
        s30.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r3);
        bits = DoubleVector.fromArray(SPECIES, x, r3 + LANES).reinterpretAsLongs();
        s31.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r3 + LANES);
      } else {
        zero.blend(s00, DoubleVector.fromArray(SPECIES, x, r0).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0);
        zero.blend(s01, DoubleVector.fromArray(SPECIES, x, r0 + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0 + LANES);
        zero.blend(s10, DoubleVector.fromArray(SPECIES, x, r1).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1);
        zero.blend(s11, DoubleVector.fromArray(SPECIES, x, r1 + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1 + LANES);
        zero.blend(s20, DoubleVector.fromArray(SPECIES, x, r2).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r2);
        zero.blend(s21, DoubleVector.fromArray(SPECIES, x, r2 + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r2 + LANES);
        zero.blend(s30, DoubleVector.fromArray(SPECIES, x, r3).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r3);
        zero.blend(s31, DoubleVector.fromArray(SPECIES, x, r3 + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r3 + LANES);
      }
    }
  }

  /**
   * Four rows of C from ci (stride ldc) for {@link #fused} of a product one or two deep ({@code
   * two}), one vector at a time: the four or eight values of A held in registers across the row, as
   * in {@link #fourRowsShallow}, with no loop along k.
   */
  private static void fourRowsShallowFused(
      int epilogue, boolean two, double[] a, int ai, double[] b, int bOff, int ldb,
      double[] bias, int bi, double[] x, double[] c, int ci, int ldc, int n) {
    boolean withBias = epilogue == BIAS_RELU;
    double bias0 = withBias ? bias[bi] : 0;
    double bias1 = withBias ? bias[bi + 1] : 0;
    double bias2 = withBias ? bias[bi + 2] : 0;
    double bias3 = withBias ? bias[bi + 3] : 0;
    DoubleVector x00 = DoubleVector.broadcast(SPECIES, a[ai]);
    DoubleVector x10 = DoubleVector.broadcast(SPECIES, a[ai + 1]);
    DoubleVector x20 = DoubleVector.broadcast(SPECIES, a[ai + 2]);
    DoubleVector x30 = DoubleVector.broadcast(SPECIES, a[ai + 3]);
    DoubleVector x01 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS] : 0);
    DoubleVector x11 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS + 1] : 0);
    DoubleVector x21 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS + 2] : 0);
    DoubleVector x31 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS + 3] : 0);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int b1 = bOff + (two ? ldb : 0);
    for (int next = 0; next < n; next += LANES) {
      int j = Math.min(next, n - LANES);
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, b, bOff + j);
      DoubleVector s0 = x00.fma(y0, zero);
      DoubleVector s1 = x10.fma(y0, zero);
      DoubleVector s2 = x20.fma(y0, zero);
      DoubleVector s3 = x30.fma(y0, zero);
      if (two) {
        DoubleVector y1 = DoubleVector.fromArray(SPECIES, b, b1 + j);
        s0 = x01.fma(y1, s0);
        s1 = x11.fma(y1, s1);
        s2 = x21.fma(y1, s2);
        s3 = x31.fma(y1, s3);
      }
      int r0 = ci + j;
      int r1 = r0 + ldc;
      int r2 = r1 + ldc;
      int r3 = r2 + ldc;
      if (withBias) {
        s0.add(bias0).max(zero).intoArray(c, r0);
        s1.add(bias1).max(zero).intoArray(c, r1);
        s2.add(bias2).max(zero).intoArray(c, r2);
        s3.add(bias3).max(zero).intoArray(c, r3);
      } else if (Lanes.WIDE) {
        LongVector noBits = LongVector.zero(Lanes.LONGS);
        LongVector bits;
        bits = DoubleVector.fromArray(SPECIES, x, r0).reinterpretAsLongs();
        s0.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0);
        bits = DoubleVector.fromArray(SPECIES, x, r1).reinterpretAsLongs();
        s1.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1);
        bits = DoubleVector.fromArray(SPECIES, x, r2).reinterpretAsLongs();
        s2.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r2);
        bits = DoubleVector.fromArray(SPECIES, x, r3).reinterpretAsLongs();
        s3.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r3);
      } else {
        zero.blend(s0, DoubleVector.fromArray(SPECIES, x, r0).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0);
        zero.blend(s1, DoubleVector.fromArray(SPECIES, x, r1).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1);
        zero.blend(s2, DoubleVector.fromArray(SPECIES, x, r2).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r2);
        zero.blend(s3, DoubleVector.fromArray(SPECIES, x, r3).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r3);
      }
    }
  }

  /**
   * Two rows of C from ci (stride ldc) for {@link #fused}, four vectors at a time (eight
   * accumulators, each load of B serving both rows), A's rows from ai with stride 2, their bias from bi.
   */
  private static void twoRowsFused(
      int epilogue, int k, double[] a, int ai, double[] b, int bOff, int ldb,
      double[] bias, int bi, double[] x, double[] c, int ci, int ldc, int n) {
    boolean withBias = epilogue == BIAS_RELU;
    double bias0 = withBias ? bias[bi] : 0;
    double bias1 = withBias ? bias[bi + 1] : 0;
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int next = 0; next < n; next += 4 * LANES) {
      int j = Math.min(next, n - 4 * LANES);
      DoubleVector s00 = zero;
      DoubleVector s01 = zero;
      DoubleVector s02 = zero;
      DoubleVector s03 = zero;
      DoubleVector s10 = zero;
      DoubleVector s11 = zero;
      DoubleVector s12 = zero;
      DoubleVector s13 = zero;
      for (int p = 0; p < k; p++) {
        int bp = bOff + j + p * ldb;
        DoubleVector w0 = DoubleVector.broadcast(SPECIES, a[ai + 2 * p]);
        DoubleVector w1 = DoubleVector.broadcast(SPECIES, a[ai + 2 * p + 1]);
        DoubleVector y = DoubleVector.fromArray(SPECIES, b, bp);
        s00 = w0.fma(y, s00);
        s10 = w1.fma(y, s10);
        y = DoubleVector.fromArray(SPECIES, b, bp + LANES);
        s01 = w0.fma(y, s01);
        s11 = w1.fma(y, s11);
        y = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
        s02 = w0.fma(y, s02);
        s12 = w1.fma(y, s12);
        y = DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES);
        s03 = w0.fma(y, s03);
        s13 = w1.fma(y, s13);
      }
      int r0 = ci + j;
      int r1 = r0 + ldc;
      if (withBias) {
        s00.add(bias0).max(zero).intoArray(c, r0);
        s01.add(bias0).max(zero).intoArray(c, r0 + LANES);
        s02.add(bias0).max(zero).intoArray(c, r0 + 2 * LANES);
        s03.add(bias0).max(zero).intoArray(c, r0 + 3 * LANES);
        s10.add(bias1).max(zero).intoArray(c, r1);
        s11.add(bias1).max(zero).intoArray(c, r1 + LANES);
        s12.add(bias1).max(zero).intoArray(c, r1 + 2 * LANES);
        s13.add(bias1).max(zero).intoArray(c, r1 + 3 * LANES);
      } else if (Lanes.WIDE) {
        LongVector noBits = LongVector.zero(Lanes.LONGS);
        LongVector bits;
        bits = DoubleVector.fromArray(SPECIES, x, r0).reinterpretAsLongs();
        s00.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0);
        bits = DoubleVector.fromArray(SPECIES, x, r0 + LANES).reinterpretAsLongs();
        s01.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0 + LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r0 + 2 * LANES).reinterpretAsLongs();
        s02.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0 + 2 * LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r0 + 3 * LANES).reinterpretAsLongs();
        s03.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r0 + 3 * LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r1).reinterpretAsLongs();
        s10.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1);
        bits = DoubleVector.fromArray(SPECIES, x, r1 + LANES).reinterpretAsLongs();
        s11.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1 + LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r1 + 2 * LANES).reinterpretAsLongs();
        s12.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1 + 2 * LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r1 + 3 * LANES).reinterpretAsLongs();
        s13.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r1 + 3 * LANES);
      } else {
        zero.blend(s00, DoubleVector.fromArray(SPECIES, x, r0).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0);
        zero.blend(s01, DoubleVector.fromArray(SPECIES, x, r0 + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0 + LANES);
        zero.blend(s02, DoubleVector.fromArray(SPECIES, x, r0 + 2 * LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0 + 2 * LANES);
        zero.blend(s03, DoubleVector.fromArray(SPECIES, x, r0 + 3 * LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r0 + 3 * LANES);
        zero.blend(s10, DoubleVector.fromArray(SPECIES, x, r1).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1);
        zero.blend(s11, DoubleVector.fromArray(SPECIES, x, r1 + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1 + LANES);
        zero.blend(s12, DoubleVector.fromArray(SPECIES, x, r1 + 2 * LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1 + 2 * LANES);
        zero.blend(s13, DoubleVector.fromArray(SPECIES, x, r1 + 3 * LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r1 + 3 * LANES);
      }
    }
  }

  /**
   * Row ci of C for {@link #fused}, four vectors at a time (four independent chains), A's row from
   * ai, its bias at bi.
   */
  private static void oneRowFused(
      int epilogue, int k, double[] a, int ai, double[] b, int bOff, int ldb,
      double[] bias, int bi, double[] x, double[] c, int ci, int n) {
    boolean withBias = epilogue == BIAS_RELU;
    double rowBias = withBias ? bias[bi] : 0;
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int next = 0; next < n; next += 4 * LANES) {
      int j = Math.min(next, n - 4 * LANES);
      DoubleVector s0 = zero;
      DoubleVector s1 = zero;
      DoubleVector s2 = zero;
      DoubleVector s3 = zero;
      for (int p = 0; p < k; p++) {
        int bp = bOff + j + p * ldb;
        DoubleVector w = DoubleVector.broadcast(SPECIES, a[ai + p]);
        s0 = w.fma(DoubleVector.fromArray(SPECIES, b, bp), s0);
        s1 = w.fma(DoubleVector.fromArray(SPECIES, b, bp + LANES), s1);
        s2 = w.fma(DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES), s2);
        s3 = w.fma(DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES), s3);
      }
      int r = ci + j;
      if (withBias) {
        s0.add(rowBias).max(zero).intoArray(c, r);
        s1.add(rowBias).max(zero).intoArray(c, r + LANES);
        s2.add(rowBias).max(zero).intoArray(c, r + 2 * LANES);
        s3.add(rowBias).max(zero).intoArray(c, r + 3 * LANES);
      } else if (Lanes.WIDE) {
        LongVector noBits = LongVector.zero(Lanes.LONGS);
        LongVector bits;
        bits = DoubleVector.fromArray(SPECIES, x, r).reinterpretAsLongs();
        s0.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r);
        bits = DoubleVector.fromArray(SPECIES, x, r + LANES).reinterpretAsLongs();
        s1.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r + LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r + 2 * LANES).reinterpretAsLongs();
        s2.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r + 2 * LANES);
        bits = DoubleVector.fromArray(SPECIES, x, r + 3 * LANES).reinterpretAsLongs();
        s3.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, SIGN))
            .reinterpretAsDoubles().intoArray(c, r + 3 * LANES);
      } else {
        zero.blend(s0, DoubleVector.fromArray(SPECIES, x, r).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r);
        zero.blend(s1, DoubleVector.fromArray(SPECIES, x, r + LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r + LANES);
        zero.blend(s2, DoubleVector.fromArray(SPECIES, x, r + 2 * LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r + 2 * LANES);
        zero.blend(s3, DoubleVector.fromArray(SPECIES, x, r + 3 * LANES).reinterpretAsLongs()
            .compare(VectorOperators.GT, 0).cast(SPECIES)).intoArray(c, r + 3 * LANES);
      }
    }
  }

  /**
   * Rows i0 … i1−1 and columns j0 … j1−1 of C ← α·op(A)·op(B) + β·C, as a {@link
   * GemmThreads.DoubleWindows} with A(i, p) at a[aOff + i·ars + p·acs] and B(p, j) at b[bOff + p·brs
   * + j·bcs] (one stride of each is 1): every element gets the operations it gets in the whole
   * product, so a product cut into windows between threads has the bits it has on one.
   */
  static void window(
      double alpha, double[] a, int aOff, int ars, int acs, double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc, int k, int i0, int i1, int j0, int j1) {
    boolean transA = acs != 1;
    boolean transB = bcs != 1;
    multiply(transA, transB, i1 - i0, j1 - j0, k, alpha, a, aOff + i0 * ars, transA ? acs : ars,
        b, bOff + j0 * bcs, transB ? bcs : brs, beta, c, cOff + i0 * ldc + j0, ldc);
  }

  /** C ← α·op(A)·op(B) + β·C; requires m, n, k ≥ 1. */
  static void multiply(
      boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb,
      double beta, double[] c, int cOff, int ldc) {
    double[] ap = packed(alpha, transA, a, aOff, lda, m, k);
    if (transB && m < FEW_ROWS) {
      for (int i = 0; i < m; i++) {
        int first = groupStart(i, m);
        int rows = groupRows(first, m);
        rowWithTransposedB(n, k, ap, first * k + i - first, rows, b, bOff, ldb, beta, c, cOff + i * ldc);
      }
      return;
    }
    if (transB) {
      b = transposed(b, bOff, ldb, k, n);
      bOff = 0;
      ldb = n;
    }
    int whole = n - n % LANES;
    int end = beta == 0 && whole > 0 ? n : whole;
    int i = 0;
    if (k <= 2) {
      for (; i + ROWS <= m; i += ROWS) {
        fourRowsShallow(k == 2, ap, i * k, b, bOff, ldb, beta, c, cOff + i * ldc, ldc, end);
      }
      for (; i < m; i++) {
        int first = groupStart(i, m);
        int rows = groupRows(first, m);
        oneRowShallow(k == 2, ap, first * k + i - first, rows, b, bOff, ldb, beta, c, cOff + i * ldc, end);
      }
    }
    for (; i + ROWS <= m; i += ROWS) {
      int ci = cOff + i * ldc;
      for (int j = fourRowsTwoVectors(k, ap, i * k, b, bOff, ldb, beta, c, ci, ldc, whole); j < end; j += LANES) {
        int at = Math.min(j, end - LANES);
        fourRowsOneVector(k, ap, i * k, b, bOff + at, ldb, beta, c, ci + at, ldc);
      }
    }
    if (i + 2 <= m) {
      int ci = cOff + i * ldc;
      int j = twoRowsFourVectors(k, ap, i * k, b, bOff, ldb, beta, c, ci, ldc, whole);
      oneRowOneVector(k, ap, i * k, 2, b, bOff, ldb, beta, c, ci, j, end);
      oneRowOneVector(k, ap, i * k + 1, 2, b, bOff, ldb, beta, c, ci + ldc, j, end);
      i += 2;
    }
    if (i < m) {
      int ci = cOff + i * ldc;
      int j = oneRowFourVectors(k, ap, i * k, b, bOff, ldb, beta, c, ci, whole);
      oneRowOneVector(k, ap, i * k, 1, b, bOff, ldb, beta, c, ci, j, end);
    }
    for (int j = end; j < n; j++) {
      for (int first = 0; first < m; first += groupRows(first, m)) {
        int rows = groupRows(first, m);
        scalarColumn(rows, k, ap, first * k, 1, rows, b, bOff + j, ldb, beta, c, cOff + first * ldc + j, ldc);
      }
    }
  }

  /**
   * α·op(A) packed into the calling thread's A buffer in groups of rows, the layout every loop here
   * reads with constant strides (C2 moves the bounds checks of a loop out of it only for indices
   * that step by a constant): rows in groups of {@value #ROWS}, then a group of two, then one, as the
   * loops take them; element (r, p) of the group starting at row i, of g rows, at {@code
   * ap[i·k + p·g + r]}.
   */
  private static double[] packed(double alpha, boolean transA, double[] a, int aOff, int lda, int m, int k) {
    double[] ap = Workspace.current().doubleA(m * k);
    int ars = transA ? 1 : lda;
    int acs = transA ? lda : 1;
    for (int first = 0; first < m; first += groupRows(first, m)) {
      int rows = groupRows(first, m);
      for (int p = 0; p < k; p++) {
        for (int r = 0; r < rows; r++) {
          ap[first * k + p * rows + r] = alpha * a[aOff + (first + r) * ars + p * acs];
        }
      }
    }
    return ap;
  }

  /** The rows of the group starting at row {@code first} of m: four, then two, then one. */
  private static int groupRows(int first, int m) {
    int left = m - first;
    return left >= ROWS ? ROWS : left >= 2 ? 2 : 1;
  }

  /** The first row of the group that holds row i of m. */
  private static int groupStart(int i, int m) {
    int fours = m - m % ROWS;
    if (i < fours) {
      return i - i % ROWS;
    }
    return m % ROWS >= 2 && i < fours + 2 ? fours : i;
  }

  /**
   * op(B) = Bᵀ copied row-major into the calling thread's B buffer, {@code rows[p·n + j] ←
   * b[bOff + j·ldb + p]} for p &lt; k and j &lt; n, in {@value #TILE}×{@value #TILE} blocks so that
   * the lines read and the lines written both stay in L1 (a plain loop over either index misses the
   * cache on every element of the other side).
   */
  private static double[] transposed(double[] b, int bOff, int ldb, int k, int n) {
    double[] rows = Workspace.current().doubleB(k * n);
    for (int j0 = 0; j0 < n; j0 += TILE) {
      int j1 = Math.min(n, j0 + TILE);
      for (int p0 = 0; p0 < k; p0 += TILE) {
        int p1 = Math.min(k, p0 + TILE);
        for (int j = j0; j < j1; j++) {
          int from = bOff + j * ldb;
          for (int p = p0; p < p1; p++) {
            rows[p * n + j] = b[from + p];
          }
        }
      }
    }
    return rows;
  }

  // One block per method keeps each small enough for C2 to inline every Vector API call in it: past
  // its node budget a call stays a call, and a vector that crosses one is boxed on the heap. For the
  // same reason no method here takes or returns a vector: each block reads β·C (or starts from zero)
  // in its own lines. C2 inlines the smaller blocks into multiply, and there a helper that returned
  // β·C was the call past the budget: 5 JVMs in 20 allocated 11.6 MB per window of the allocation
  // probe's products, none of 20 once the helper was gone.

  /**
   * Four rows of C from ci (stride ldc) of a product one or two deep ({@code two}), one vector at a
   * time from column 0 to {@code end} (as {@link #oneRowOneVector} takes it): the four or eight
   * values of A stay in registers and each vector of C is written once, with no loop along k (whose
   * two turns would cost more than their multiply-adds).
   */
  private static void fourRowsShallow(
      boolean two, double[] a, int ai, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci, int ldc, int end) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector x00 = DoubleVector.broadcast(SPECIES, a[ai]);
    DoubleVector x10 = DoubleVector.broadcast(SPECIES, a[ai + 1]);
    DoubleVector x20 = DoubleVector.broadcast(SPECIES, a[ai + 2]);
    DoubleVector x30 = DoubleVector.broadcast(SPECIES, a[ai + 3]);
    DoubleVector x01 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS] : 0);
    DoubleVector x11 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS + 1] : 0);
    DoubleVector x21 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS + 2] : 0);
    DoubleVector x31 = DoubleVector.broadcast(SPECIES, two ? a[ai + ROWS + 3] : 0);
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int b1 = bOff + (two ? ldb : 0);
    for (int next = 0; next < end; next += LANES) {
      int j = Math.min(next, end - LANES);
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, b, bOff + j);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, b, b1 + j);
      DoubleVector s0 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j).mul(beta);
      s0 = x00.fma(y0, s0);
      DoubleVector s1 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j).mul(beta);
      s1 = x10.fma(y0, s1);
      DoubleVector s2 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c2 + j).mul(beta);
      s2 = x20.fma(y0, s2);
      DoubleVector s3 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c3 + j).mul(beta);
      s3 = x30.fma(y0, s3);
      if (two) {
        s0 = x01.fma(y1, s0);
        s1 = x11.fma(y1, s1);
        s2 = x21.fma(y1, s2);
        s3 = x31.fma(y1, s3);
      }
      s0.intoArray(c, ci + j);
      s1.intoArray(c, c1 + j);
      s2.intoArray(c, c2 + j);
      s3.intoArray(c, c3 + j);
    }
  }

  /** Row ci of C of a product one or two deep, as {@link #fourRowsShallow} for one row. */
  private static void oneRowShallow(
      boolean two, double[] a, int ai, int acs, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci, int end) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector x0 = DoubleVector.broadcast(SPECIES, a[ai]);
    DoubleVector x1 = DoubleVector.broadcast(SPECIES, two ? a[ai + acs] : 0);
    int b1 = bOff + (two ? ldb : 0);
    for (int next = 0; next < end; next += LANES) {
      int j = Math.min(next, end - LANES);
      DoubleVector s = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j).mul(beta);
      s = x0.fma(DoubleVector.fromArray(SPECIES, b, bOff + j), s);
      if (two) {
        s = x1.fma(DoubleVector.fromArray(SPECIES, b, b1 + j), s);
      }
      s.intoArray(c, ci + j);
    }
  }

  /**
   * Four rows of C from ci (stride ldc), two vectors at a time from column 0 while they fit in
   * {@code whole} columns; B starts at bOff. Returns the first column not done.
   */
  private static int fourRowsTwoVectors(
      int k, double[] a, int ai, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci, int ldc, int whole) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int end = whole - whole % (2 * LANES);
    int j = 0;
    for (; j < end; j += 2 * LANES) {
      DoubleVector s00 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j).mul(beta);
      DoubleVector s01 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + LANES).mul(beta);
      DoubleVector s10 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j).mul(beta);
      DoubleVector s11 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j + LANES).mul(beta);
      DoubleVector s20 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c2 + j).mul(beta);
      DoubleVector s21 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c2 + j + LANES).mul(beta);
      DoubleVector s30 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c3 + j).mul(beta);
      DoubleVector s31 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c3 + j + LANES).mul(beta);
      for (int p = 0; p < k; p++) {
        int q = ai + p * ROWS;
        int bp = bOff + j + p * ldb;
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + LANES);
        DoubleVector x = DoubleVector.broadcast(SPECIES, a[q]);
        s00 = x.fma(b0, s00);
        s01 = x.fma(b1, s01);
        x = DoubleVector.broadcast(SPECIES, a[q + 1]);
        s10 = x.fma(b0, s10);
        s11 = x.fma(b1, s11);
        x = DoubleVector.broadcast(SPECIES, a[q + 2]);
        s20 = x.fma(b0, s20);
        s21 = x.fma(b1, s21);
        x = DoubleVector.broadcast(SPECIES, a[q + 3]);
        s30 = x.fma(b0, s30);
        s31 = x.fma(b1, s31);
      }
      s00.intoArray(c, ci + j);
      s01.intoArray(c, ci + j + LANES);
      s10.intoArray(c, c1 + j);
      s11.intoArray(c, c1 + j + LANES);
      s20.intoArray(c, c2 + j);
      s21.intoArray(c, c2 + j + LANES);
      s30.intoArray(c, c3 + j);
      s31.intoArray(c, c3 + j + LANES);
    }
    return j;
  }

  /** Four rows of C from ci (stride ldc), one vector wide; B's block starts at bj. */
  private static void fourRowsOneVector(
      int k, double[] a, int ai, double[] b, int bj, int ldb,
      double beta, double[] c, int ci, int ldc) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    DoubleVector s0 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci).mul(beta);
    DoubleVector s1 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1).mul(beta);
    DoubleVector s2 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c2).mul(beta);
    DoubleVector s3 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c3).mul(beta);
    for (int p = 0; p < k; p++) {
      int q = ai + p * ROWS;
      DoubleVector bv = DoubleVector.fromArray(SPECIES, b, bj + p * ldb);
      s0 = DoubleVector.broadcast(SPECIES, a[q]).fma(bv, s0);
      s1 = DoubleVector.broadcast(SPECIES, a[q + 1]).fma(bv, s1);
      s2 = DoubleVector.broadcast(SPECIES, a[q + 2]).fma(bv, s2);
      s3 = DoubleVector.broadcast(SPECIES, a[q + 3]).fma(bv, s3);
    }
    s0.intoArray(c, ci);
    s1.intoArray(c, c1);
    s2.intoArray(c, c2);
    s3.intoArray(c, c3);
  }

  /**
   * Two rows of C from ci (stride ldc), four vectors at a time from column 0 while they fit in
   * {@code whole} columns (eight accumulators, each B load shared by the two rows, where one row at
   * a time loads B for every four multiply-adds); B starts at bOff. Returns the first column not done.
   */
  private static int twoRowsFourVectors(
      int k, double[] a, int ai, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci, int ldc, int whole) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int c1 = ci + ldc;
    int end = whole - whole % (4 * LANES);
    int j = 0;
    for (; j < end; j += 4 * LANES) {
      DoubleVector s00 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j).mul(beta);
      DoubleVector s01 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + LANES).mul(beta);
      DoubleVector s02 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + 2 * LANES).mul(beta);
      DoubleVector s03 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + 3 * LANES).mul(beta);
      DoubleVector s10 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j).mul(beta);
      DoubleVector s11 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j + LANES).mul(beta);
      DoubleVector s12 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j + 2 * LANES).mul(beta);
      DoubleVector s13 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, c1 + j + 3 * LANES).mul(beta);
      for (int p = 0; p < k; p++) {
        int q = ai + 2 * p;
        int bp = bOff + j + p * ldb;
        DoubleVector x0 = DoubleVector.broadcast(SPECIES, a[q]);
        DoubleVector x1 = DoubleVector.broadcast(SPECIES, a[q + 1]);
        DoubleVector y = DoubleVector.fromArray(SPECIES, b, bp);
        s00 = x0.fma(y, s00);
        s10 = x1.fma(y, s10);
        y = DoubleVector.fromArray(SPECIES, b, bp + LANES);
        s01 = x0.fma(y, s01);
        s11 = x1.fma(y, s11);
        y = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
        s02 = x0.fma(y, s02);
        s12 = x1.fma(y, s12);
        y = DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES);
        s03 = x0.fma(y, s03);
        s13 = x1.fma(y, s13);
      }
      s00.intoArray(c, ci + j);
      s01.intoArray(c, ci + j + LANES);
      s02.intoArray(c, ci + j + 2 * LANES);
      s03.intoArray(c, ci + j + 3 * LANES);
      s10.intoArray(c, c1 + j);
      s11.intoArray(c, c1 + j + LANES);
      s12.intoArray(c, c1 + j + 2 * LANES);
      s13.intoArray(c, c1 + j + 3 * LANES);
    }
    return j;
  }

  /**
   * Row ci of C, four vectors at a time from column 0 while they fit in {@code whole} columns (four
   * independent chains, where one vector at a time would wait on each fused multiply-add's latency);
   * B starts at bOff. Returns the first column not done.
   */
  private static int oneRowFourVectors(
      int k, double[] a, int ai, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci, int whole) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int end = whole - whole % (4 * LANES);
    int j = 0;
    for (; j < end; j += 4 * LANES) {
      DoubleVector s0 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j).mul(beta);
      DoubleVector s1 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + LANES).mul(beta);
      DoubleVector s2 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + 2 * LANES).mul(beta);
      DoubleVector s3 = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j + 3 * LANES).mul(beta);
      for (int p = 0; p < k; p++) {
        int bp = bOff + j + p * ldb;
        DoubleVector x = DoubleVector.broadcast(SPECIES, a[ai + p]);
        s0 = x.fma(DoubleVector.fromArray(SPECIES, b, bp), s0);
        s1 = x.fma(DoubleVector.fromArray(SPECIES, b, bp + LANES), s1);
        s2 = x.fma(DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES), s2);
        s3 = x.fma(DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES), s3);
      }
      s0.intoArray(c, ci + j);
      s1.intoArray(c, ci + j + LANES);
      s2.intoArray(c, ci + j + 2 * LANES);
      s3.intoArray(c, ci + j + 3 * LANES);
    }
    return j;
  }

  /**
   * Row ci of C, one vector at a time over the columns from {@code from} to {@code end}; B starts at
   * bOff. When {@code end} is not a whole number of vectors past {@code from} (only where β = 0), the
   * last vector is the one that ends at {@code end}, and it computes again, with the same operations,
   * columns the one before it wrote.
   */
  private static void oneRowOneVector(
      int k, double[] a, int ai, int acs, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci, int from, int end) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int next = from; next < end; next += LANES) {
      int j = Math.min(next, end - LANES);
      DoubleVector s = beta == 0 ? zero : DoubleVector.fromArray(SPECIES, c, ci + j).mul(beta);
      for (int p = 0; p < k; p++) {
        s = DoubleVector.broadcast(SPECIES, a[ai + p * acs])
            .fma(DoubleVector.fromArray(SPECIES, b, bOff + j + p * ldb), s);
      }
      s.intoArray(c, ci + j);
    }
  }

  /**
   * Column j of C past the last whole vector, B's column starting at bj and C's at cj: four rows at
   * a time with the sums in registers (four independent chains of {@link Math#fma}, where a chain
   * through memory would wait on a store and a load every step), then row by row.
   */
  private static void scalarColumn(
      int m, int k, double[] a, int aOff, int ars, int acs, double[] b, int bj, int ldb,
      double beta, double[] c, int cj, int ldc) {
    int i = 0;
    for (; i + ROWS <= m; i += ROWS) {
      int ai = aOff + i * ars;
      int c0 = cj + i * ldc;
      double s0 = start(beta, c[c0]);
      double s1 = start(beta, c[c0 + ldc]);
      double s2 = start(beta, c[c0 + 2 * ldc]);
      double s3 = start(beta, c[c0 + 3 * ldc]);
      for (int p = 0; p < k; p++) {
        int q = ai + p * acs;
        double x = b[bj + p * ldb];
        s0 = Math.fma(a[q], x, s0);
        s1 = Math.fma(a[q + ars], x, s1);
        s2 = Math.fma(a[q + 2 * ars], x, s2);
        s3 = Math.fma(a[q + 3 * ars], x, s3);
      }
      c[c0] = s0;
      c[c0 + ldc] = s1;
      c[c0 + 2 * ldc] = s2;
      c[c0 + 3 * ldc] = s3;
    }
    for (; i < m; i++) {
      int ai = aOff + i * ars;
      int ci = cj + i * ldc;
      double s = start(beta, c[ci]);
      for (int p = 0; p < k; p++) {
        s = Math.fma(a[ai + p * acs], b[bj + p * ldb], s);
      }
      c[ci] = s;
    }
  }

  /**
   * Row ci of C with op(B) = Bᵀ read in place, where each column of op(B) is a contiguous row of B:
   * {@value #COLUMNS} columns at a time, each an independent scalar chain of {@link Math#fma} over
   * its own contiguous row, then the rest one by one. The chains are those of the vector loops, so
   * the bits are too.
   */
  private static void rowWithTransposedB(
      int n, int k, double[] a, int ai, int acs, double[] b, int bOff, int ldb,
      double beta, double[] c, int ci) {
    int j = 0;
    for (; j + COLUMNS <= n; j += COLUMNS) {
      int b0 = bOff + j * ldb;
      int cj = ci + j;
      double s0 = start(beta, c[cj]);
      double s1 = start(beta, c[cj + 1]);
      double s2 = start(beta, c[cj + 2]);
      double s3 = start(beta, c[cj + 3]);
      double s4 = start(beta, c[cj + 4]);
      double s5 = start(beta, c[cj + 5]);
      double s6 = start(beta, c[cj + 6]);
      double s7 = start(beta, c[cj + 7]);
      for (int p = 0; p < k; p++) {
        double x = a[ai + p * acs];
        int q = b0 + p;
        s0 = Math.fma(x, b[q], s0);
        s1 = Math.fma(x, b[q + ldb], s1);
        s2 = Math.fma(x, b[q + 2 * ldb], s2);
        s3 = Math.fma(x, b[q + 3 * ldb], s3);
        s4 = Math.fma(x, b[q + 4 * ldb], s4);
        s5 = Math.fma(x, b[q + 5 * ldb], s5);
        s6 = Math.fma(x, b[q + 6 * ldb], s6);
        s7 = Math.fma(x, b[q + 7 * ldb], s7);
      }
      c[cj] = s0;
      c[cj + 1] = s1;
      c[cj + 2] = s2;
      c[cj + 3] = s3;
      c[cj + 4] = s4;
      c[cj + 5] = s5;
      c[cj + 6] = s6;
      c[cj + 7] = s7;
    }
    for (; j < n; j++) {
      int bj = bOff + j * ldb;
      double s = start(beta, c[ci + j]);
      for (int p = 0; p < k; p++) {
        s = Math.fma(a[ai + p * acs], b[bj + p], s);
      }
      c[ci + j] = s;
    }
  }

  /** β·C(i, j), or zero without reading C when β = 0, for one scalar element. */
  private static double start(double beta, double c) {
    return beta == 0 ? 0 : beta * c;
  }

}
