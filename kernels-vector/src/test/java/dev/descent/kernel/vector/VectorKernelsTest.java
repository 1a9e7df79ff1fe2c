package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.GemmThreads;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.kernel.ReferenceKernels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code vector} kernel beyond the shared contract: it is chosen when its module is present,
 * its results do not depend on the number of threads or on where C is cut into windows, and
 * products that cross every cache-block boundary (including the column blocks, which the contract's
 * shapes are too narrow to reach) agree with {@link ReferenceKernels}.
 */
class VectorKernelsTest {
  private static final long SEED = 20250611L;

  @Test
  void isSelectedWhenTheModuleIsPresent() {
    assumeTrue(System.getProperty(Kernels.PROPERTY) == null, "a kernel is forced with -D" + Kernels.PROPERTY);
    assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "the test JVM runs without the module");
    assertTrue(new VectorKernels().isAvailable());
    assertEquals(VectorKernels.NAME, Kernels.selected().name());
  }

  @Test
  void resultsAreBitIdenticalWhateverTheThreadCount() {
    // Shapes split by columns and by rows, with edges that are not whole tiles, and k over several
    // blocks of both precisions.
    int[][] shapes = {{200, 200, 120}, {400, 100, 300}, {97, 600, 81}, {1000, 70, 64}, {131, 300, 1100}};
    for (int[] shape : shapes) {
      assertTrue(GemmThreads.parts(2, shape[0], shape[1], shape[2]) > 1, Arrays.toString(shape) + " is not split");
      for (int t = 0; t < 4; t++) {
        Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], 1.5, 0.5, new Random(SEED + t));
        float[] single = pr.floatProduct(new VectorKernels(1));
        double[] singleD = pr.doubleProduct(new VectorKernels(1));
        for (int threads : new int[] {2, 3, 4}) {
          String what = pr + " with " + threads + " threads";
          assertArrayEquals(single, pr.floatProduct(new VectorKernels(threads)), what);
          assertArrayEquals(singleD, pr.doubleProduct(new VectorKernels(threads)), what);
        }
      }
    }
  }

  @Test
  void shallowProductsAndSingleRowsSplitBetweenThreadsWithTheSameBits() {
    // Bound by memory, these are split from far fewer multiply-adds than other products: a single
    // example's weight gradient (k = 1) and its pass through a wide layer (m = 1), both layouts of B;
    // the last, past GemmThreads.PARALLEL_WORK and deeper than a packed block, once went to the packed
    // path on two threads and the direct one on one, with other sums.
    int[][] shapes = {{784, 256, 1}, {257, 300, 2}, {1, 256, 784}, {1, 1000, 70}, {1, 1024, 4096}};
    for (int[] shape : shapes) {
      assertTrue((long) shape[0] * shape[1] * shape[2] >= VectorKernels.STREAMING_WORK, Arrays.toString(shape));
      for (int t = 0; t < 4; t++) {
        Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], 1.5, t == 0 ? 0 : 0.5,
            new Random(SEED + 10 + t));
        float[] single = pr.floatProduct(new VectorKernels(1));
        double[] singleD = pr.doubleProduct(new VectorKernels(1));
        pr.check(single, singleD);
        for (int threads : new int[] {2, 3}) {
          String what = pr + " with " + threads + " threads";
          assertArrayEquals(single, pr.floatProduct(new VectorKernels(threads)), what);
          assertArrayEquals(singleD, pr.doubleProduct(new VectorKernels(threads)), what);
        }
      }
    }
  }

  @Test
  void anyWindowOfCGivesTheSameBits() {
    // Windows that start inside a micro-tile: an element's bits must not depend on its tile.
    Random random = new Random(SEED);
    for (int t = 0; t < 4; t++) {
      Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, 61, 75, 270, -0.75, t == 0 ? 0 : 1.25, random);
      float[] whole = pr.floatProduct(new VectorKernels(1));
      double[] wholeD = pr.doubleProduct(new VectorKernels(1));
      int[] rowCuts = {0, 5, 13, 14, 47, 61};
      int[] colCuts = {0, 3, 20, 33, 75};
      float[] pieces = pr.c.clone();
      double[] piecesD = pr.cd.clone();
      for (int r = 0; r + 1 < rowCuts.length; r++) {
        for (int s = 0; s + 1 < colCuts.length; s++) {
          FloatBlocked.multiply(
              (float) pr.alpha, pr.a, pr.aOff, pr.ars(), pr.acs(), pr.b, pr.bOff, pr.brs(), pr.bcs(),
              (float) pr.beta, pieces, pr.cOff, pr.ldc, pr.k, rowCuts[r], rowCuts[r + 1], colCuts[s], colCuts[s + 1]);
          DoubleBlocked.multiply(
              pr.alpha, pr.ad, pr.aOff, pr.ars(), pr.acs(), pr.bd, pr.bOff, pr.brs(), pr.bcs(),
              pr.beta, piecesD, pr.cOff, pr.ldc, pr.k, rowCuts[r], rowCuts[r + 1], colCuts[s], colCuts[s + 1]);
        }
      }
      assertArrayEquals(whole, pieces, pr.toString());
      assertArrayEquals(wholeD, piecesD, pr.toString());
    }
  }

  @Test
  void productsAcrossEveryBlockBoundaryMatchTheReference() {
    // Each shape crosses one kind of block boundary, or a tile edge; k is raised where needed to put
    // it on the packed path.
    int[][] shapes = {
      {FloatBlocked.MC + 1, 3, 1},
      {13, 23, FloatBlocked.KC + 1},
      {7, 2 * FloatBlocked.NC + 21, 1},
      {2 * DoubleBlocked.MC + 5, 2, 1},
      {16, 17, 2 * DoubleBlocked.KC + 3},
      {5, 2 * DoubleBlocked.NC + 13, 1},
      {FloatMicroKernel.MR - 1, FloatMicroKernel.NR + 1, 1},
      {DoubleMicroKernel.MR + 1, DoubleMicroKernel.NR - 1, 1},
    };
    for (int[] shape : shapes) {
      shape[2] = Math.max(shape[2], (int) (VectorKernels.DIRECT_WORK / ((long) shape[0] * shape[1])) + 7);
    }
    Random random = new Random(SEED + 1);
    MatrixKernels vector = new VectorKernels();
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], 0.5, t % 2 == 0 ? 0 : -1, random);
        pr.check(pr.floatProduct(vector), pr.doubleProduct(vector));
      }
    }
  }

  @Test
  void packedProductsComputeEachElementAsOneChainWhateverTheVectorWidth() {
    // The documented order (DoubleMicroKernel, DoubleBlocked) spelled out in scalars, with no lanes
    // in it: per block of k, S = fma(α·a, b, S) in order of p from +0, merged as C ← S (first block,
    // β = 0), fma(C, β, S) (first block) or fma(C, 1, S). The packed path computes in the
    // processor's widest vectors (512 bits under AVX-512), and must give these bits in any width.
    Random random = new Random(SEED + 9);
    MatrixKernels single = new VectorKernels(1);
    int[][] shapes = {{37, 45, 2 * DoubleBlocked.KC + 5}, {21, 70, FloatBlocked.KC + 3}, {70, 33, 200}};
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], 0.75, t % 2 == 0 ? 0 : 0.5, random);
        assertEveryElementIsItsChain(pr, single, FloatBlocked.KC, DoubleBlocked.KC);
      }
    }
  }

  @Test
  void directProductsComputeEachElementAsOneChainWhereverItsColumnLies() {
    // The direct path's order spelled out in scalars: S = fma(α·a, b, S) in order of p from +0 (β =
    // 0). Rows of C that are not a whole number of vectors long end in one more vector that
    // computes some columns again; every column, before and past the last whole vector, must get
    // the chain's bits. Shapes of a small network's products (300 examples), one and two deep, and
    // groups of four, two and one row.
    Random random = new Random(SEED + 10);
    MatrixKernels single = new VectorKernels(1);
    int[][] shapes = {{10, 300, 2}, {5, 300, 10}, {1, 300, 5}, {6, 29, 1}, {13, 37, 11}, {3, 19, 4}};
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], -0.75, 0, random);
        assertEveryElementIsItsChain(pr, single, pr.k, pr.k);
      }
    }
  }

  /** Each element of the kernel's float and double products is its chain, k cut in blocks of at most the given sizes. */
  private static void assertEveryElementIsItsChain(Problem pr, MatrixKernels kernel, int floatKc, int doubleKc) {
    float[] c = pr.floatProduct(kernel);
    double[] cd = pr.doubleProduct(kernel);
    for (int i = 0; i < pr.m; i++) {
      for (int j = 0; j < pr.n; j++) {
        int at = pr.cOff + i * pr.ldc + j;
        assertEquals(floatChain(pr, i, j, floatKc), c[at], pr + " float C(" + i + ", " + j + ")");
        assertEquals(doubleChain(pr, i, j, doubleKc), cd[at], pr + " double C(" + i + ", " + j + ")");
      }
    }
  }

  private static float floatChain(Problem pr, int i, int j, int kcMax) {
    float alpha = (float) pr.alpha;
    float beta = (float) pr.beta;
    float c = pr.c[pr.cOff + i * pr.ldc + j];
    int kc = Blocks.even(pr.k, kcMax, 1);
    for (int pc = 0; pc < pr.k; pc += kc) {
      float s = 0f;
      for (int p = pc; p < Math.min(pr.k, pc + kc); p++) {
        s = Math.fma(alpha * pr.a[pr.aOff + i * pr.ars() + p * pr.acs()], pr.b[pr.bOff + p * pr.brs() + j * pr.bcs()], s);
      }
      float scale = pc == 0 ? beta : 1f;
      c = scale == 0 ? s : Math.fma(c, scale, s);
    }
    return c;
  }

  private static double doubleChain(Problem pr, int i, int j, int kcMax) {
    double c = pr.cd[pr.cOff + i * pr.ldc + j];
    int kc = Blocks.even(pr.k, kcMax, 1);
    for (int pc = 0; pc < pr.k; pc += kc) {
      double s = 0d;
      for (int p = pc; p < Math.min(pr.k, pc + kc); p++) {
        s = Math.fma(pr.alpha * pr.ad[pr.aOff + i * pr.ars() + p * pr.acs()], pr.bd[pr.bOff + p * pr.brs() + j * pr.bcs()], s);
      }
      double scale = pc == 0 ? pr.beta : 1d;
      c = scale == 0 ? s : Math.fma(c, scale, s);
    }
    return c;
  }

  @Test
  void shallowAndSingleRowProductsTakeTheDirectPathAndMatchTheReference() {
    // Past DIRECT_WORK, but at most SHALLOW deep (the rank-1 weight gradient of one example) or a
    // single row (one example through a layer), with whole and partial groups of four vectors.
    Random random = new Random(SEED + 3);
    MatrixKernels single = new VectorKernels(1);
    int[][] shapes = {{517, 0, 1}, {517, 0, 2}, {517, 0, 3}, {517, 0, 4}, {1, 700, 300}, {1, 259, 1100}, {1, 36, 4000}};
    for (int[] shape : shapes) {
      int m = shape[0];
      int k = shape[2];
      int n = shape[1] > 0 ? shape[1] : (int) (VectorKernels.DIRECT_WORK / ((long) m * k)) + 29;
      for (int t = 0; t < 4; t++) {
        Problem pr = Problem.random(t / 2 == 1, t % 2 == 1, m, n, k, -0.75, t % 2 == 0 ? 0 : 0.5, random);
        pr.check(pr.floatProduct(single), pr.doubleProduct(single));
      }
    }
  }

  @Test
  void dotProductsMatchTheReferenceAndDoNotDependOnTheRowsAroundThem() {
    // A·Bᵀ into few columns from long rows: k with and without a partial vector and an odd number
    // of whole vectors, odd m and n for the two-by-two blocks' edges, and a single row of C.
    Random random = new Random(SEED + 4);
    MatrixKernels single = new VectorKernels(1);
    int[] depths = {VectorKernels.DOT_DEPTH, VectorKernels.DOT_DEPTH + 3, 8 * 9 + 5, 301};
    int[][] sizes = {{1, 1}, {2, 10}, {10, 5}, {5, 1}, {33, VectorKernels.DOT_COLUMNS}, {7, 3}};
    for (int k : depths) {
      for (int[] size : sizes) {
        for (double beta : new double[] {0, 1, -0.5}) {
          Problem pr = Problem.random(false, true, size[0], size[1], k, 1.5, beta, random);
          float[] whole = pr.floatProduct(single);
          double[] wholeD = pr.doubleProduct(single);
          pr.check(whole, wholeD);
          // each row alone, as in a batch of one: the same bits
          for (int r = 0; r < pr.m; r++) {
            float[] c = pr.c.clone();
            double[] cd = pr.cd.clone();
            int aOff = pr.aOff + r * pr.lda;
            int cOff = pr.cOff + r * pr.ldc;
            single.gemm(false, true, 1, pr.n, k, 1.5f, pr.a, aOff, pr.lda, pr.b, pr.bOff, pr.ldb, (float) beta, c, cOff, pr.ldc);
            single.gemm(false, true, 1, pr.n, k, 1.5, pr.ad, aOff, pr.lda, pr.bd, pr.bOff, pr.ldb, beta, cd, cOff, pr.ldc);
            for (int j = 0; j < pr.n; j++) {
              assertEquals(whole[cOff + j], c[cOff + j], pr + " row " + r + " alone");
              assertEquals(wholeD[cOff + j], cd[cOff + j], pr + " row " + r + " alone");
            }
          }
        }
      }
    }
  }

  @Test
  void dotProductsSumIn256BitLanesWhateverTheProcessorsVectorWidth() {
    // The documented order (DoubleDots, FloatDots) spelled out in scalars for 4 double and 8 float
    // lanes: two accumulators per lane taking alternate whole vectors, then an odd last vector into
    // the first, the two added, the lanes summed first to last, the remainder one fma at a time.
    // Under AVX-512 the kernel computes in 512-bit vectors, each holding both accumulators, and must
    // give these bits all the same.
    // Sizes for every block: two by two and by one with a last odd row (3×3), two by four (2×10),
    // four by five with two-row blocks past it (10×5, 6×11).
    Random random = new Random(SEED + 6);
    MatrixKernels single = new VectorKernels(1);
    int[][] sizes = {{3, 3}, {2, 10}, {10, 5}, {6, 11}};
    for (int[] size : sizes) {
      for (int k : new int[] {VectorKernels.DOT_DEPTH, 67, 77, 300, 301}) {
        Problem pr = Problem.random(false, true, size[0], size[1], k, 1, 0, random);
        float[] c = pr.floatProduct(single);
        double[] cd = pr.doubleProduct(single);
        for (int i = 0; i < pr.m; i++) {
          for (int j = 0; j < pr.n; j++) {
            int ai = pr.aOff + i * pr.lda;
            int bj = pr.bOff + j * pr.ldb;
            int at = pr.cOff + i * pr.ldc + j;
            assertEquals(laneOrderDot(pr.a, ai, pr.b, bj, k), c[at], pr + " float C(" + i + ", " + j + ")");
            assertEquals(laneOrderDot(pr.ad, ai, pr.bd, bj, k), cd[at], pr + " double C(" + i + ", " + j + ")");
          }
        }
      }
    }
  }

  private static float laneOrderDot(float[] a, int ai, float[] b, int bj, int k) {
    int lanes = 8;
    float[] s = new float[lanes];
    float[] t = new float[lanes];
    int vectors = k / lanes;
    for (int v = 0; v < vectors; v++) {
      float[] acc = v % 2 == 0 ? s : t;
      for (int l = 0; l < lanes; l++) {
        acc[l] = Math.fma(a[ai + v * lanes + l], b[bj + v * lanes + l], acc[l]);
      }
    }
    float sum = s[0] + t[0];
    for (int l = 1; l < lanes; l++) {
      sum += s[l] + t[l];
    }
    for (int p = vectors * lanes; p < k; p++) {
      sum = Math.fma(a[ai + p], b[bj + p], sum);
    }
    return sum;
  }

  private static double laneOrderDot(double[] a, int ai, double[] b, int bj, int k) {
    int lanes = 4;
    double[] s = new double[lanes];
    double[] t = new double[lanes];
    int vectors = k / lanes;
    for (int v = 0; v < vectors; v++) {
      double[] acc = v % 2 == 0 ? s : t;
      for (int l = 0; l < lanes; l++) {
        acc[l] = Math.fma(a[ai + v * lanes + l], b[bj + v * lanes + l], acc[l]);
      }
    }
    double sum = s[0] + t[0];
    for (int l = 1; l < lanes; l++) {
      sum += s[l] + t[l];
    }
    for (int p = vectors * lanes; p < k; p++) {
      sum = Math.fma(a[ai + p], b[bj + p], sum);
    }
    return sum;
  }

  @Test
  void largeDotProductsAreSplitBetweenThreadsWithTheSameBits() {
    Random random = new Random(SEED + 5);
    int m = 1 << 14;
    int k = 300;
    assertTrue(GemmThreads.parts(2, m, 10, k) > 1, "not split");
    Problem pr = Problem.random(false, true, m, 10, k, 1, 0, random);
    float[] one = pr.floatProduct(new VectorKernels(1));
    double[] oneD = pr.doubleProduct(new VectorKernels(1));
    assertArrayEquals(one, pr.floatProduct(new VectorKernels(2)));
    assertArrayEquals(oneD, pr.doubleProduct(new VectorKernels(2)));
    pr.check(one, oneD);
  }

  @Test
  void fewRowsWithTransposedBMatchTheSameRowsOfALargerProduct() {
    // Fewer than eight rows of C with op(B) = Bᵀ read B in place; more copy Bᵀ first. Both must give
    // every element the same chain, so a row's bits do not depend on the rows computed with it.
    Random random = new Random(SEED + 2);
    MatrixKernels vector = new VectorKernels(1);
    int rows = 12;
    int[][] shapes = {{37, 19}, {8, 5}, {3, 40}, {64, 100}, {17, 1}};
    for (int[] shape : shapes) {
      int n = shape[0];
      int k = shape[1];
      for (boolean transA : new boolean[] {false, true}) {
        for (double beta : new double[] {0, 1, 0.5}) {
          Problem whole = Problem.random(transA, true, rows, n, k, 1.25, beta, random);
          float[] expected = whole.floatProduct(vector);
          double[] expectedD = whole.doubleProduct(vector);
          for (int first = 0; first < rows; first += 5) {
            int count = Math.min(rows - first, first == 0 ? 1 : 5);
            float[] c = whole.c.clone();
            double[] cd = whole.cd.clone();
            int aOff = whole.aOff + first * whole.ars();
            int cOff = whole.cOff + first * whole.ldc;
            vector.gemm(transA, true, count, n, k, 1.25f, whole.a, aOff, whole.lda, whole.b, whole.bOff, whole.ldb,
                (float) beta, c, cOff, whole.ldc);
            vector.gemm(transA, true, count, n, k, 1.25, whole.ad, aOff, whole.lda, whole.bd, whole.bOff, whole.ldb,
                beta, cd, cOff, whole.ldc);
            String what = count + " rows from " + first + " of " + whole;
            for (int i = cOff; i < cOff + count * whole.ldc; i++) {
              assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(c[i]), what + " float at " + i);
              assertEquals(Double.doubleToRawLongBits(expectedD[i]), Double.doubleToRawLongBits(cd[i]), what + " at " + i);
            }
          }
        }
      }
    }
  }

  /**
   * One gemm call with random operands in [−1, 1), drawn separately for each precision (double
   * operands use all 53 bits: float-representable ones would make double sums nearly exact and
   * hide a change of summation order), random offsets and padded leading dimensions; with β = 0,
   * C's window is NaN.
   */
  private static final class Problem {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final double alpha;
    final double beta;
    final int aOff;
    final int lda;
    final int bOff;
    final int ldb;
    final int cOff;
    final int ldc;
    final float[] a;
    final float[] b;
    final float[] c;
    final double[] ad;
    final double[] bd;
    final double[] cd;

    private Problem(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, Random random) {
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.alpha = alpha;
      this.beta = beta;
      aOff = random.nextInt(5);
      lda = (transA ? m : k) + random.nextInt(4);
      bOff = random.nextInt(5);
      ldb = (transB ? k : n) + random.nextInt(4);
      cOff = random.nextInt(5);
      ldc = n + random.nextInt(4);
      ad = uniform(random, aOff + (transA ? k : m) * lda + 2);
      bd = uniform(random, bOff + (transB ? n : k) * ldb + 2);
      cd = uniform(random, cOff + m * ldc + 2);
      if (beta == 0) {
        for (int i = 0; i < m; i++) {
          Arrays.fill(cd, cOff + i * ldc, cOff + i * ldc + n, Double.NaN);
        }
      }
      a = toFloats(uniform(random, ad.length));
      b = toFloats(uniform(random, bd.length));
      c = toFloats(uniform(random, cd.length));
      for (int i = 0; i < c.length; i++) {
        if (Double.isNaN(cd[i])) {
          c[i] = Float.NaN;
        }
      }
    }

    static Problem random(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, Random random) {
      return new Problem(transA, transB, m, n, k, alpha, beta, random);
    }

    int ars() {
      return transA ? 1 : lda;
    }

    int acs() {
      return transA ? lda : 1;
    }

    int brs() {
      return transB ? 1 : ldb;
    }

    int bcs() {
      return transB ? ldb : 1;
    }

    float[] floatProduct(MatrixKernels kernel) {
      float[] out = c.clone();
      kernel.gemm(transA, transB, m, n, k, (float) alpha, a, aOff, lda, b, bOff, ldb, (float) beta, out, cOff, ldc);
      return out;
    }

    double[] doubleProduct(MatrixKernels kernel) {
      double[] out = cd.clone();
      kernel.gemm(transA, transB, m, n, k, alpha, ad, aOff, lda, bd, bOff, ldb, beta, out, cOff, ldc);
      return out;
    }

    /**
     * Each element of C within 2·ε·(k + 2)·(|α|·Σ_p |a_ip||b_pj| + |β·c_ij|) of the reference
     * (the bound of the core contract test), ε the machine epsilon of the precision; every element
     * outside the window keeps its bits.
     */
    void check(float[] actual, double[] actualD) {
      double[] actualF = toDoubles(actual);
      checkPrecision("float", toDoubles(a), toDoubles(b), toDoubles(c), actualF, Math.ulp(1f), Float.MIN_NORMAL);
      checkPrecision("double", ad, bd, cd, actualD, Math.ulp(1d), Double.MIN_NORMAL);
    }

    private void checkPrecision(
        String type, double[] a, double[] b, double[] before, double[] actual, double eps, double tiny) {
      ReferenceKernels reference = new ReferenceKernels();
      double[] expected = before.clone();
      if (type.equals("float")) {
        float[] out = toFloats(before);
        reference.gemm(transA, transB, m, n, k, (float) alpha, toFloats(a), aOff, lda, toFloats(b), bOff, ldb,
            (float) beta, out, cOff, ldc);
        expected = toDoubles(out);
      } else {
        reference.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, expected, cOff, ldc);
      }
      double[] magnitude = new double[m * n];
      reference.gemm(transA, transB, m, n, k, 1, abs(a), aOff, lda, abs(b), bOff, ldb, 0, magnitude, 0, n);
      for (int index = 0; index < before.length; index++) {
        int rel = index - cOff;
        int i = Math.floorDiv(rel, ldc);
        int j = Math.floorMod(rel, ldc);
        if (rel < 0 || i >= m || j >= n) {
          assertEquals(
              Double.doubleToRawLongBits(before[index]), Double.doubleToRawLongBits(actual[index]),
              type + " element " + index + " outside the window changed, " + this);
          continue;
        }
        double prior = beta == 0 ? 0 : Math.abs(beta * before[index]);
        double bound = (k + 2) * (Math.abs(alpha) * magnitude[i * n + j] + prior);
        within(actual[index], expected[index], 2 * eps * bound + tiny, i, j, type);
      }
    }

    private void within(double actual, double expected, double tolerance, int i, int j, String type) {
      if (!(Math.abs(actual - expected) <= tolerance)) {
        fail(String.format("%s C(%d, %d) = %s, reference %s, tolerance %s, %s", type, i, j, actual, expected, tolerance, this));
      }
    }

    @Override
    public String toString() {
      return String.format(
          "%s%s m=%d n=%d k=%d alpha=%s beta=%s aOff=%d lda=%d bOff=%d ldb=%d cOff=%d ldc=%d",
          transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha, beta, aOff, lda, bOff, ldb, cOff, ldc);
    }

    private static double[] uniform(Random random, int size) {
      double[] values = new double[size];
      for (int i = 0; i < size; i++) {
        values[i] = 2 * random.nextDouble() - 1;
      }
      return values;
    }

    private static float[] toFloats(double[] values) {
      float[] out = new float[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = (float) values[i];
      }
      return out;
    }

    private static double[] toDoubles(float[] values) {
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = values[i];
      }
      return out;
    }

    private static double[] abs(double[] values) {
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = Math.abs(values[i]);
      }
      return out;
    }
  }
}
