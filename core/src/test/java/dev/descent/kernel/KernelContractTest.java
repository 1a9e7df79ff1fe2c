package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link MatrixKernels} on the class path against {@link ReferenceKernels}: all transposes,
 * offsets, padded leading dimensions, α/β (β = 0 over NaN), empty and prime shapes, shapes that
 * straddle every block size and products large enough to be split between threads; plus the
 * blocked kernel's bit-for-bit independence from thread count and path.
 *
 * <p>Products of more than {@value #LARGE_WORK} multiply-adds run only as NN and TT, to keep the
 * reference's share of the run short; every smaller shape runs in all four transpose combinations.
 *
 * <p>An element passes when |actual − reference| ≤ 2·ε·(k + 2)·(|α|·Σ_p |a_ip||b_pj| + |β·c_ij|),
 * ε being the machine epsilon of the element type; elements of C outside the m×n window must keep
 * their exact bits.
 */
class KernelContractTest {
  private static final long SEED = 20240611L;
  private static final long LARGE_WORK = 10_000_000L;
  private static final List<Case> CASES = cases();
  private static final Map<Case, Expected> EXPECTED = new ConcurrentHashMap<>();

  /** One gemm call: shape, transposes, scalars and storage layout. */
  record Case(
      boolean transA, boolean transB, int m, int n, int k, double alpha, double beta,
      int aOff, int lda, int bOff, int ldb, int cOff, int ldc, long seed) {

    int aSize() {
      return aOff + (transA ? k : m) * lda + 3;
    }

    int bSize() {
      return bOff + (transB ? n : k) * ldb + 3;
    }

    int cSize() {
      return cOff + m * ldc + 3;
    }

    boolean inWindow(int index) {
      int rel = index - cOff;
      return rel >= 0 && rel / ldc < m && rel % ldc < n;
    }
  }

  /** The arrays of a case, float-representable so that both precisions multiply the same values. */
  record Inputs(double[] a, double[] b, double[] c) {}

  /** A case's inputs, Σ_p |a_ip||b_pj| (m×n, dense) and the reference results in each precision. */
  record Expected(Inputs in, double[] magnitude, double[] floats, double[] doubles) {}

  static Stream<Arguments> kernels() {
    return Kernels.load(KernelContractTest.class.getClassLoader()).stream()
        .map(kernel -> Arguments.of(Named.of(kernel.name(), kernel)));
  }

  @Test
  void blockedAndReferenceAreRegistered() {
    List<String> names = Kernels.load(getClass().getClassLoader()).stream().map(MatrixKernels::name).toList();
    assertTrue(names.contains(BlockedKernels.NAME), names.toString());
    assertTrue(names.contains(ReferenceKernels.NAME), names.toString());
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void floatProductsMatchReference(MatrixKernels kernel) {
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    for (Case cs : CASES) {
      Expected expected = expected(cs);
      double[] actual = toDoubles(floatProduct(kernel, cs, expected.in()));
      check(kernel.name() + " float", cs, expected, actual, expected.floats(), Math.ulp(1f), Float.MIN_NORMAL);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void doubleProductsMatchReference(MatrixKernels kernel) {
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    for (Case cs : CASES) {
      Expected expected = expected(cs);
      double[] actual = doubleProduct(kernel, cs, expected.in());
      check(kernel.name() + " double", cs, expected, actual, expected.doubles(), Math.ulp(1d), Double.MIN_NORMAL);
    }
  }

  @Test
  void blockedIsBitIdenticalWhateverTheThreadCount() {
    int[][] shapes = {{200, 200, 120}, {400, 100, 110}, {97, 600, 81}, {1000, 70, 64}};
    for (int[] shape : shapes) {
      assertTrue(GemmThreads.parts(2, shape[0], shape[1], shape[2]) > 1, Arrays.toString(shape) + " is not split");
      for (int t = 0; t < 4; t++) {
        Case cs = layout(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], 1.5, 0.5, new Random(SEED + t));
        Inputs in = inputs(cs);
        float[] single = floatProduct(new BlockedKernels(1), cs, in);
        double[] singleD = doubleProduct(new BlockedKernels(1), cs, in);
        for (int threads : new int[] {2, 3}) {
          String what = cs + " with " + threads + " threads";
          assertArrayEquals(bits(single), bits(floatProduct(new BlockedKernels(threads), cs, in)), what);
          assertArrayEquals(bits(singleD), bits(doubleProduct(new BlockedKernels(threads), cs, in)), what);
        }
      }
    }
  }

  @Test
  void directAndBlockedPathsAreBitIdentical() {
    int[][] shapes = {{1, 1, 1}, {5, 7, 3}, {13, 600, 131}, {64, 70, 257}, {31, 13, 300}, {1, 256, 784}, {300, 10, 2}};
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        assertDirectEqualsBlocked(layout(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], -0.75, 1.25, new Random(SEED - t)));
      }
    }
  }

  @Test
  void directRegisterBlocksMatchTheBlockedPathForEveryRemainder() {
    // every combination of full and partial 4-row strips and 8-, 4-, 2- and 1-column blocks
    int[] rows = {1, 2, 3, 4, 5, 7, 8, 9};
    int[] cols = {1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 17};
    int[] depths = {1, 2, 5};
    double[][] scalars = {{1, 0}, {-0.75, 1.25}, {1, 1}, {2, 0}};
    int count = 0;
    for (int m : rows) {
      for (int n : cols) {
        for (int k : depths) {
          for (int t = 0; t < 4; t++) {
            double[] ab = scalars[count++ % scalars.length];
            Case cs = layout(t / 2 == 1, t % 2 == 1, m, n, k, ab[0], ab[1], new Random(SEED + count));
            assertDirectEqualsBlocked(cs);
          }
        }
      }
    }
  }

  @Test
  void smallAndSkinnyProductsTakeTheDirectPath() {
    // the training step's products at batch 1 (784-256-128-10) and in the 2-10-5-1 exercise (batch 300)
    assertTrue(BlockedKernels.isDirect(true, 1, 256, 128), "G·Wᵀ at batch 1");
    assertTrue(BlockedKernels.isDirect(true, 8, 784, 256), "G·Wᵀ at batch 8");
    assertTrue(BlockedKernels.isDirect(false, 1, 10, 128), "last layer at batch 1");
    assertTrue(BlockedKernels.isDirect(false, 300, 10, 2), "first layer of 2-10-5-1");
    assertTrue(BlockedKernels.isDirect(false, 300, 1, 5), "last layer of 2-10-5-1");
    assertTrue(BlockedKernels.isDirect(false, 10, 5, 300), "weight gradient of 2-10-5-1");
    assertTrue(BlockedKernels.isDirect(true, 300, 10, 5), "input gradient of 2-10-5-1");
    assertTrue(BlockedKernels.isDirect(false, 2, 10, 300), "first weight gradient of 2-10-5-1");
    assertTrue(BlockedKernels.isDirect(false, 7, 7, 7), "tiny");
    // packing pays for itself: rows enough to reuse a packed B, or wide rows to vectorise along
    assertFalse(BlockedKernels.isDirect(false, 1, 256, 784), "x·W at batch 1 packs W by rows (a copy)");
    assertFalse(BlockedKernels.isDirect(false, 784, 256, 1), "xᵀ·G at batch 1 vectorises along 256 columns");
    assertFalse(BlockedKernels.isDirect(true, 32, 784, 256), "G·Wᵀ at batch 32");
    assertFalse(BlockedKernels.isDirect(false, 32, 256, 784), "x·W at batch 32");
    assertFalse(BlockedKernels.isDirect(false, 100_000, 5, 1000), "narrow but large enough for threads");
    assertFalse(BlockedKernels.isDirect(false, 1024, 10, 128), "last layer at batch 1024: one vector per row");
    assertFalse(BlockedKernels.isDirect(false, 128, 10, 1024), "its weight gradient");
  }

  private static void assertDirectEqualsBlocked(Case cs) {
    Inputs in = inputs(cs);
    int ars = cs.transA() ? 1 : cs.lda();
    int acs = cs.transA() ? cs.lda() : 1;
    int brs = cs.transB() ? 1 : cs.ldb();
    int bcs = cs.transB() ? cs.ldb() : 1;
    float[] a = toFloats(in.a());
    float[] b = toFloats(in.b());
    float[] direct = toFloats(in.c());
    float[] blocked = direct.clone();
    DirectGemm.multiply(
        (float) cs.alpha(), a, cs.aOff(), ars, acs, b, cs.bOff(), brs, bcs,
        (float) cs.beta(), direct, cs.cOff(), cs.ldc(), cs.m(), cs.n(), cs.k());
    BlockedGemm.multiply(
        (float) cs.alpha(), a, cs.aOff(), ars, acs, b, cs.bOff(), brs, bcs,
        (float) cs.beta(), blocked, cs.cOff(), cs.ldc(), cs.k(), 0, cs.m(), 0, cs.n());
    assertArrayEquals(bits(direct), bits(blocked), cs + " float");
    double[] directD = in.c().clone();
    double[] blockedD = in.c().clone();
    DirectGemm.multiply(
        cs.alpha(), in.a(), cs.aOff(), ars, acs, in.b(), cs.bOff(), brs, bcs,
        cs.beta(), directD, cs.cOff(), cs.ldc(), cs.m(), cs.n(), cs.k());
    BlockedGemm.multiply(
        cs.alpha(), in.a(), cs.aOff(), ars, acs, in.b(), cs.bOff(), brs, bcs,
        cs.beta(), blockedD, cs.cOff(), cs.ldc(), cs.k(), 0, cs.m(), 0, cs.n());
    assertArrayEquals(bits(directD), bits(blockedD), cs + " double");
  }

  private static List<Case> cases() {
    Random random = new Random(SEED);
    int[][] shapes = {
      {1, 1, 1}, {1, 1, 7}, {7, 1, 1}, {1, 13, 1}, {2, 3, 4}, {4, 5, 2}, {7, 13, 31}, {31, 7, 13},
      {67, 131, 31}, {13, 67, 131}, {131, 13, 67}, {16, 16, 16}, {17, 17, 17}, {65, 65, 65},
      {5, 600, 3}, {3, 257, 129}, {4, 513, 256}, {61, 520, 200}, {400, 100, 110}, {300, 300, 300},
      {1, 256, 784}, {1, 130, 256}, {784, 256, 1}, {9, 10, 128}, {300, 10, 2}, {10, 5, 300},
      {0, 5, 3}, {5, 0, 3}, {4, 6, 0}, {1, 1, 0}
    };
    double[][] scalars = {{1, 0}, {-0.5, 1}, {2.25, -1.5}, {1, 0.5}, {0.3, 0}, {0, 2}};
    int[] sizes = {1, 2, 3, 4, 5, 7, 8, 13, 31, 33, 47, 67};
    List<Case> cases = new ArrayList<>();
    int s = 0;
    for (int[] shape : shapes) {
      boolean large = (long) shape[0] * shape[1] * shape[2] > LARGE_WORK;
      for (int t = 0; t < 4; t += large ? 3 : 1) {
        double[] ab = scalars[s++ % scalars.length];
        cases.add(layout(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], ab[0], ab[1], random));
      }
    }
    for (int i = 0; i < 40; i++) {
      double[] ab = scalars[random.nextInt(scalars.length)];
      cases.add(
          layout(
              random.nextBoolean(), random.nextBoolean(),
              sizes[random.nextInt(sizes.length)], sizes[random.nextInt(sizes.length)],
              sizes[random.nextInt(sizes.length)], ab[0], ab[1], random));
    }
    return List.copyOf(cases);
  }

  private static Case layout(
      boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, Random random) {
    int aCols = transA ? m : k;
    int bCols = transB ? k : n;
    return new Case(
        transA, transB, m, n, k, alpha, beta,
        random.nextInt(6), Math.max(1, aCols + random.nextInt(4)),
        random.nextInt(6), Math.max(1, bCols + random.nextInt(4)),
        random.nextInt(6), Math.max(1, n + random.nextInt(4)),
        random.nextLong());
  }

  private static Expected expected(Case cs) {
    return EXPECTED.computeIfAbsent(cs, KernelContractTest::solve);
  }

  private static Expected solve(Case cs) {
    Inputs in = inputs(cs);
    double[] magnitude = new double[cs.m() * cs.n()];
    double[] absA = Arrays.stream(in.a()).map(Math::abs).toArray();
    double[] absB = Arrays.stream(in.b()).map(Math::abs).toArray();
    new ReferenceKernels().gemm(
        cs.transA(), cs.transB(), cs.m(), cs.n(), cs.k(),
        1.0, absA, cs.aOff(), cs.lda(), absB, cs.bOff(), cs.ldb(), 0.0, magnitude, 0, cs.n());
    ReferenceKernels reference = new ReferenceKernels();
    return new Expected(
        in, magnitude,
        toDoubles(floatProduct(reference, cs, in)), doubleProduct(reference, cs, in));
  }

  private static Inputs inputs(Case cs) {
    Random random = new Random(cs.seed());
    double[] a = uniform(random, cs.aSize());
    double[] b = uniform(random, cs.bSize());
    double[] c = uniform(random, cs.cSize());
    if (cs.beta() == 0) {
      for (int i = 0; i < c.length; i++) {
        if (cs.inWindow(i)) {
          c[i] = Double.NaN;
        }
      }
    }
    return new Inputs(a, b, c);
  }

  private static float[] floatProduct(MatrixKernels kernel, Case cs, Inputs in) {
    float[] c = toFloats(in.c());
    kernel.gemm(
        cs.transA(), cs.transB(), cs.m(), cs.n(), cs.k(),
        (float) cs.alpha(), toFloats(in.a()), cs.aOff(), cs.lda(),
        toFloats(in.b()), cs.bOff(), cs.ldb(),
        (float) cs.beta(), c, cs.cOff(), cs.ldc());
    return c;
  }

  private static double[] doubleProduct(MatrixKernels kernel, Case cs, Inputs in) {
    double[] c = in.c().clone();
    kernel.gemm(
        cs.transA(), cs.transB(), cs.m(), cs.n(), cs.k(),
        cs.alpha(), in.a(), cs.aOff(), cs.lda(),
        in.b(), cs.bOff(), cs.ldb(),
        cs.beta(), c, cs.cOff(), cs.ldc());
    return c;
  }

  private static void check(
      String what, Case cs, Expected reference, double[] actual, double[] expected, double eps, double tiny) {
    double[] before = reference.in().c();
    for (int index = 0; index < actual.length; index++) {
      if (!cs.inWindow(index)) {
        if (Double.doubleToRawLongBits(actual[index]) != Double.doubleToRawLongBits(before[index])) {
          fail(what + ": element " + index + " outside the window changed, " + cs);
        }
        continue;
      }
      int rel = index - cs.cOff();
      int i = rel / cs.ldc();
      int j = rel % cs.ldc();
      double prior = cs.beta() == 0 ? 0 : Math.abs(cs.beta() * before[index]);
      double bound = Math.abs(cs.alpha()) * reference.magnitude()[i * cs.n() + j] + prior;
      double tolerance = 2 * eps * (cs.k() + 2) * bound + tiny;
      if (!(Math.abs(actual[index] - expected[index]) <= tolerance)) {
        fail(String.format(
            "%s: C(%d, %d) = %s, reference %s, tolerance %s, %s",
            what, i, j, actual[index], expected[index], tolerance, cs));
      }
    }
  }

  private static double[] uniform(Random random, int size) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = 2 * random.nextFloat() - 1;
    }
    return values;
  }

  static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }

  private static double[] toDoubles(float[] values) {
    double[] doubles = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = values[i];
    }
    return doubles;
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
