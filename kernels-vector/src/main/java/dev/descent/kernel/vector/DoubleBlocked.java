package dev.descent.kernel.vector;

import static dev.descent.kernel.vector.DoubleMicroKernel.MR;
import static dev.descent.kernel.vector.DoubleMicroKernel.NR;

/**
 * The packed double path: the loops around {@link DoubleMicroKernel} over one rectangular window of
 * C, after Goto and van de Geijn (ACM TOMS 34(3), 2008) and BLIS (ACM TOMS 41(3), 2015).
 *
 * <p>C(i0..i1−1, j0..j1−1) ← α·op(A)·op(B) + β·C on that window, with A(i, p) at
 * {@code a[aOff + i*ars + p*acs]}, B(p, j) at {@code b[bOff + p*brs + j*bcs]} and C(i, j) at
 * {@code c[cOff + i*ldc + j]}. Loops, outermost first:
 *
 * <ol>
 *   <li>k in blocks of at most {@value #KC};
 *   <li>rows in blocks of at most {@value #MC}: the mc×kc block of α·op(A) is packed (up to
 *       2.9 MiB, in L3);
 *   <li>columns in blocks of at most {@value #NC}: the kc×nc block of op(B) is packed (192 KiB, to
 *       stay in the 512 KiB L2 of a Zen 3 core);
 *   <li>and 5. the row panels of A, then the column panels of B: each
 *       {@value DoubleMicroKernel#MR}×kc panel of A (12 KiB) meets every panel of B of the block, which
 *       stream from L2, and C is swept along its rows, which the hardware prefetchers follow.
 * </ol>
 *
 * <p>This is the BLIS order with the roles of A and B exchanged in the two inner loops; with B's
 * panel in L1 and C swept down its columns instead, every tile of C missed the cache and the
 * product ran 10 to 15% slower on Zen 3 (for Java there are no prefetch instructions to hide
 * that). Block lengths are made nearly equal ({@link Blocks#even}). The k blocks depend on k alone,
 * so every element of C is β·C followed by the same per-block sums in the same order whatever the
 * window: splitting C between threads cannot change a single bit.
 */
final class DoubleBlocked {
  /** Depth of a packed block (k-steps). */
  static final int KC = 384;
  /** Rows of a packed block of op(A); a multiple of {@link DoubleMicroKernel#MR}. */
  static final int MC = 1000;
  /** Columns of a packed block of op(B); a multiple of {@link DoubleMicroKernel#NR}. */
  static final int NC = 64;

  private DoubleBlocked() {}

  /** Computes the window C(i0..i1−1, j0..j1−1); requires k ≥ 1 and a non-empty window. */
  static void multiply(
      double alpha, double[] a, int aOff, int ars, int acs,
      double[] b, int bOff, int brs, int bcs,
      double beta, double[] c, int cOff, int ldc,
      int k, int i0, int i1, int j0, int j1) {
    int kcBlock = Blocks.even(k, KC, 1);
    int mcBlock = Blocks.even(i1 - i0, MC, MR);
    int ncBlock = Blocks.even(j1 - j0, NC, NR);
    Workspace workspace = Workspace.current();
    double[] ap = workspace.doubleA(mcBlock * kcBlock);
    double[] bp = workspace.doubleB(ncBlock * kcBlock);
    double[] tile = workspace.doubleTile(MR * NR);
    for (int pc = 0; pc < k; pc += kcBlock) {
      int kc = Math.min(kcBlock, k - pc);
      double scale = pc == 0 ? beta : 1d;
      for (int ic = i0; ic < i1; ic += mcBlock) {
        int mc = Math.min(mcBlock, i1 - ic);
        Packing.packA(alpha, a, aOff + ic * ars + pc * acs, ars, acs, mc, kc, ap);
        for (int jc = j0; jc < j1; jc += ncBlock) {
          int nc = Math.min(ncBlock, j1 - jc);
          Packing.packB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc, bp);
          for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int ci = cOff + (ic + ir) * ldc + jc;
            for (int jr = 0; jr < nc; jr += NR) {
              DoubleMicroKernel.multiply(kc, ap, ir * kc, bp, jr * kc, tile);
              DoubleMicroKernel.merge(tile, scale, c, ci + jr, ldc, rows, Math.min(NR, nc - jr));
            }
          }
        }
      }
    }
  }
}
