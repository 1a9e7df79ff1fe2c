package dev.descent.kernel.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BlasKernels} against the reference kernel on the native BLAS actually loaded: every
 * transpose combination, edge and block-straddling shapes, offsets, padded leading dimensions,
 * α/β including β = 0 over NaN, operands without trailing padding, and concurrent calls. Skipped,
 * with the reason, when no native BLAS loads in this JVM.
 */
class BlasKernelsContractTest {
  private static final long SEED = 20240917L;
  private static final double[][] SCALARS = {{1, 0}, {-0.5, 1}, {2.25, -1.5}, {1, 0.5}, {0.3, 0}, {0, 2}, {0, 0}};

  private final BlasKernels blas = new BlasKernels();

  @BeforeEach
  void requireNativeBlas() {
    assumeTrue(
        blas.isAvailable(),
        "no native BLAS loaded (netlib tried " + NativeBlas.library()
            + "); on Debian apt-get install libopenblas0 to run this test");
  }

  @Test
  void matchesReferenceOnEdgeAndBlockShapes() {
    int[][] shapes = {
      {1, 1, 1}, {1, 1, 7}, {7, 1, 1}, {1, 13, 1}, {2, 3, 4}, {4, 5, 2}, {7, 13, 31}, {31, 7, 13},
      {16, 16, 16}, {17, 17, 17}, {65, 65, 65}, {67, 131, 31}, {5, 600, 3}, {3, 257, 129},
      {128, 96, 200}, {300, 300, 300}, {0, 5, 3}, {5, 0, 3}, {4, 6, 0}, {1, 1, 0}, {0, 0, 0}
    };
    Random random = new Random(SEED);
    int s = 0;
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        double[] ab = SCALARS[s++ % SCALARS.length];
        GemmCase cs = GemmCase.random(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], ab[0], ab[1], random);
        cs.check(blas, cs.inputs());
      }
    }
  }

  @Test
  void matchesReferenceOnRandomLayouts() {
    Random random = new Random(SEED + 1);
    int[] sizes = {1, 2, 3, 4, 5, 7, 8, 13, 31, 33, 47, 67};
    for (int i = 0; i < 80; i++) {
      double[] ab = SCALARS[random.nextInt(SCALARS.length)];
      GemmCase cs = GemmCase.random(
          random.nextBoolean(), random.nextBoolean(),
          sizes[random.nextInt(sizes.length)], sizes[random.nextInt(sizes.length)],
          sizes[random.nextInt(sizes.length)], ab[0], ab[1], random);
      cs.check(blas, cs.inputs());
    }
  }

  @Test
  void betaZeroOverwritesNaNInC() {
    Random random = new Random(SEED + 2);
    for (int t = 0; t < 4; t++) {
      for (double alpha : new double[] {1, -0.5}) {
        GemmCase cs = GemmCase.random(t / 2 == 1, t % 2 == 1, 37, 29, 41, alpha, 0, random);
        GemmCase.Inputs in = cs.inputs();
        assertEquals(Double.NaN, in.c()[cs.cOff()], "the window of C starts as NaN");
        cs.check(blas, in);
      }
    }
  }

  @Test
  void acceptsOperandsThatEndAtTheirLastElement() {
    Random random = new Random(SEED + 3);
    for (int t = 0; t < 4; t++) {
      GemmCase cs = GemmCase.random(t / 2 == 1, t % 2 == 1, 9, 11, 7, 1.5, 0.5, random);
      GemmCase padded = new GemmCase(
          cs.transA(), cs.transB(), cs.m(), cs.n(), cs.k(), cs.alpha(), cs.beta(),
          cs.aOff(), cs.lda() + 5, cs.bOff(), cs.ldb() + 5, cs.cOff(), cs.ldc(), cs.seed());
      int aCols = padded.transA() ? padded.m() : padded.k();
      int bCols = padded.transB() ? padded.k() : padded.n();
      int aLength = padded.aOff() + (padded.aRows() - 1) * padded.lda() + aCols;
      int bLength = padded.bOff() + (padded.bRows() - 1) * padded.ldb() + bCols;
      assertFalse(TightCopy.accepted(aLength, padded.aOff(), padded.aRows(), padded.lda()), "netlib rejects A as is");
      assertFalse(TightCopy.accepted(bLength, padded.bOff(), padded.bRows(), padded.ldb()), "netlib rejects B as is");
      padded.check(blas, padded.inputs(aLength, bLength));
    }
  }

  @Test
  void concurrentCallsMatchReference() throws Exception {
    Random random = new Random(SEED + 4);
    List<GemmCase> cases = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      cases.add(GemmCase.random(
          random.nextBoolean(), random.nextBoolean(),
          1 + random.nextInt(120), 1 + random.nextInt(120), 1 + random.nextInt(120), 1.25, 0.5, random));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (GemmCase cs : cases) {
        done.add(pool.submit(() -> cs.check(blas, cs.inputs())));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
