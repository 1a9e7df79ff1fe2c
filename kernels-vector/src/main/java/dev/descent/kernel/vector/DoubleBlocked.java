package dev.descent.kernel.vector;

import static dev.descent.kernel.vector.DoubleMicroKernel.MR;
import static dev.descent.kernel.vector.DoubleMicroKernel.NR;

/**
 * The packed double path: the five loops of the GotoBLAS/BLIS gemm around {@link DoubleMicroKernel}
 * over one rectangular window of C (Goto and van de Geijn, ACM TOMS 34(3), 2008).
 *
 * <p>C(i0..i1−1, j0..j1−1) ← α·op(A)·op(B) + β·C on that window, with A(i, p) at
 * {@code a[aOff + i*ars + p*acs]}, B(p, j) at {@code b[bOff + p*brs + j*bcs]} and C(i, j) at
 * {@code c[cOff + i*ldc + j]}. Loops, outermost first:
 *
 * <ol>
 *   <li>columns in blocks of at most {@value #NC};
 *   <li>k in blocks of at most {@value #KC}: the kc×nc block of op(B) is packed (kept in L3; one
 *       kc×{@link DoubleMicroKernel#NR} panel, 16 KiB, stays in L1 while it is used);
 *   <li>rows in blocks of at most {@value #MC}: the mc×kc block of α·op(A) is packed (144 KiB,
 *       kept in the 512 KiB L2 of a Zen 3 core);
 *   <li>and 5. the panels of B, then those of A, one micro-kernel call per tile.
 * </ol>
 *
 * <p>Block lengths are made nearly equal ({@link Blocks#even}). The k blocks depend on k alone, so
 * every element of C is β·C followed by the same per-block sums in the same order whatever the
 * window: splitting C between threads cannot change a single bit.
 */
final class DoubleBlocked {
  /** Depth of a packed block (k-steps). */
  static final int KC = 256;
  /** Rows of a packed block of op(A); a multiple of {@link DoubleMicroKernel#MR}. */
  static final int MC = 72;
  /** Columns of a packed block of op(B); a multiple of {@link DoubleMicroKernel#NR}. */
  static final int NC = 2048;

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
    double[] bp = workspace.doubleB(Blocks.roundUp(ncBlock, NR) * kcBlock);
    double[] tile = workspace.doubleTile(MR * NR);
    for (int jc = j0; jc < j1; jc += ncBlock) {
      int nc = Math.min(ncBlock, j1 - jc);
      for (int pc = 0; pc < k; pc += kcBlock) {
        int kc = Math.min(kcBlock, k - pc);
        Packing.packB(b, bOff + pc * brs + jc * bcs, brs, bcs, kc, nc, NR, bp);
        double scale = pc == 0 ? beta : 1d;
        for (int ic = i0; ic < i1; ic += mcBlock) {
          int mc = Math.min(mcBlock, i1 - ic);
          Packing.packA(alpha, a, aOff + ic * ars + pc * acs, ars, acs, mc, kc, MR, ap);
          for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
              DoubleMicroKernel.multiply(kc, ap, ir * kc, bp, jr * kc, tile);
              DoubleMicroKernel.merge(tile, scale, c, cOff + (ic + ir) * ldc + jc + jr, ldc, Math.min(MR, mc - ir), cols);
            }
          }
        }
      }
    }
  }
}
