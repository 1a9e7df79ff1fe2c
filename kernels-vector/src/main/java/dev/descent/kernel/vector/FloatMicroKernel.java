package dev.descent.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked float micro-kernel: one {@value #MR}×{@link #NR} tile of C from a packed
 * panel of op(A) and one of op(B) (layouts in {@link Packing}), with 8 vector accumulators.
 *
 * <p>The tile is {@value #MR} rows by two {@link Lanes} vectors ({@link #LANES} lanes: 4×16 in
 * 256-bit vectors, 4×32 in AVX-512's, which need half the instructions; the width does not change a
 * bit, since each element stays in one lane). Each k-step loads two vectors of B, broadcasts four values of A and
 * issues eight fused multiply-adds into accumulators that stay in registers for the whole panel:
 * with two FMA pipes of latency 4, as on Zen 3, eight independent accumulators keep both busy.
 *
 * <p>The shape is chosen for what C2 makes of it, checked in the generated code on JDK 17 and 25.
 * BLIS's 6×16 (6×8 for double) needs 12 + 2 + 1 of the 16 vector registers of x86-64; C2 then
 * spills an accumulator to the stack inside the loop on JDK 21 and later, and 5 rows (10
 * accumulators) compile either cleanly or with register copies or spills from run to run on JDK 17,
 * at half the speed in the worst case. Four rows compile to the same clean loop every time. The
 * loop steps the index into the A panel and derives the index into the B panel as a constant
 * multiple of it ({@link #B_PER_A}), so both are linear in the loop variable: C2's loop predication
 * then moves every bounds check out of the loop, and nothing but loads, broadcasts, FMAs and the
 * loop branch is left inside (24 instructions on JDK 17, 19 on JDK 25).
 *
 * <p>Per element the kernel computes S = fma(a_{kc−1}, b_{kc−1}, … fma(a_1, b_1, fma(a_0, b_0, 0)))
 * over the packed (already α-scaled) values in increasing k, then C ← S when β = 0 (C is not read)
 * and C ← fma(C, β, S) = β·C + S with one rounding otherwise. A tile cut by the edge of C is computed
 * in full and its valid part merged with {@link Math#fma}, which rounds exactly like the vector
 * lanes, so an element's bits do not depend on where its tile starts.
 */
final class FloatMicroKernel {
  /** The vector shape, {@link Lanes#FLOATS}. */
  static final VectorSpecies<Float> SPECIES = Lanes.FLOATS;
  /** Lanes per vector. */
  static final int LANES = SPECIES.length();
  /** Rows per tile. */
  static final int MR = Packing.MR;
  /** Columns per tile: two vectors. */
  static final int NR = 2 * LANES;
  /** Elements of a B panel per element of an A panel, NR / MR (a B k-step is NR long, an A one MR). */
  static final int B_PER_A = NR / MR;

  static {
    if (B_PER_A * MR != NR) {
      throw new IllegalStateException(
          "vector kernel: " + NR + "-element tiles are not a multiple of " + MR + " rows (" + SPECIES + ")");
    }
  }

  private FloatMicroKernel() {}

  /**
   * Writes the {@value #MR}×{@link #NR} product of the A panel at {@code ai} and the B panel at
   * {@code bi}, both {@code kc} deep, row-major into {@code tile[0..MR·NR−1]}.
   *
   * <p>The accumulators go to memory rather than straight into C so that no vector crosses a call
   * that C2 might decline to inline (this method is already near its inlining node budget): a
   * vector passed to a call that is not inlined is boxed on the heap, in the innermost loop.
   */
  static void multiply(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    int end = ai + kc * MR;
    int bShift = bi - ai * B_PER_A;
    for (int ia = ai; ia < end; ia += MR) {
      int ib = bShift + ia * B_PER_A;
      FloatVector b0 = FloatVector.fromArray(SPECIES, bp, ib);
      FloatVector b1 = FloatVector.fromArray(SPECIES, bp, ib + LANES);
      FloatVector a = FloatVector.broadcast(SPECIES, ap[ia]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(SPECIES, ap[ia + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(SPECIES, ap[ia + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(SPECIES, ap[ia + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, LANES);
    c10.intoArray(tile, NR);
    c11.intoArray(tile, NR + LANES);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + LANES);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + LANES);
  }

  /**
   * Merges the {@code rows}×{@code cols} top-left part of {@code tile} (from {@link #multiply})
   * into C at {@code ci}, row stride {@code ldc}: C ← S when β = 0, C ← fma(C, β, S) otherwise.
   * Full tiles use vectors, cut ones {@link Math#fma}; both round identically.
   */
  static void merge(float[] tile, float beta, float[] c, int ci, int ldc, int rows, int cols) {
    if (rows == MR && cols == NR) {
      FloatVector scale = FloatVector.broadcast(SPECIES, beta);
      for (int r = 0; r < MR; r++) {
        for (int j = 0; j < NR; j += LANES) {
          FloatVector s = FloatVector.fromArray(SPECIES, tile, r * NR + j);
          int at = ci + r * ldc + j;
          if (beta == 0) {
            s.intoArray(c, at);
          } else {
            FloatVector.fromArray(SPECIES, c, at).fma(scale, s).intoArray(c, at);
          }
        }
      }
      return;
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        int at = ci + r * ldc + j;
        float s = tile[r * NR + j];
        c[at] = beta == 0 ? s : Math.fma(c[at], beta, s);
      }
    }
  }
}
