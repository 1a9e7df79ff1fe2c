package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link MatrixKernels} on the class path: {@link MatrixKernels#gemmBiasRelu} and {@link
 * MatrixKernels#gemmReluGradient} give, bit for bit, the kernel's own {@code gemm} with α = 1 and
 * β = 0 followed by {@link ReluEpilogues} with its {@link MatrixKernels#elementwise()}, and leave
 * every element of C outside the window as it was. A NaN matches any NaN: which operand's payload
 * and sign an operation on two NaNs passes on is not specified, and compiled code may exchange the
 * operands of an addition. The shapes are those of a small network's layers
 * over a batch (rows of 16 to 300, one to ten deep, groups of four rows and the rows past them, in
 * every transpose), rows too short to fuse, and a product too large for the direct path; the inputs
 * hold ±0, NaNs of both signs and values whose sum with the bias is exactly zero or negative. A
 * second test makes every sum and every element of X one of ±∞, ±0, the extreme normal and
 * subnormal numbers, and NaNs at both ends of either sign's range, where a step computed on the
 * bits (as the {@code vector} kernel's are) would go wrong first.
 */
class ReluEpiloguesContractTest {
  private static final long SEED = 20261206L;

  static Stream<Arguments> kernels() {
    return Kernels.load(ReluEpiloguesContractTest.class.getClassLoader()).stream()
        .map(kernel -> Arguments.of(Named.of(kernel.name(), kernel)));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void fusedStepsGiveTheBitsOfTheProductFollowedByTheStep(MatrixKernels kernel) {
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    int[][] shapes = {
        {10, 300, 2}, {5, 300, 10}, {10, 300, 5}, {5, 300, 1}, {1, 300, 5}, {6, 29, 3}, {3, 16, 4},
        {2, 33, 7}, {9, 32, 32}, {4, 7, 3}, {40, 300, 40}};
    Random random = new Random(SEED);
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        check(kernel, new Layout(t / 2 == 1, t % 2 == 1, shape[0], shape[1], shape[2], random), random);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void fusedStepsTakeInfinitiesNansAndExtremesAsTheStepsDo(MatrixKernels kernel) {
    // C = B's first row in every row of C (A holds a one and zeros, B's other rows are zeros), so
    // the step sees each special value as a sum, and X holds them all, from its first element on.
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    double[] special = {
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 0.0, -0.0, 1, -1,
        Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0x7fffffffffffffffL),
        Double.longBitsToDouble(0xfff0000000000001L), Double.longBitsToDouble(0xffffffffffffffffL),
        Double.longBitsToDouble(0xfff8000000000000L), Double.NaN, 3e-320, -3e-320};
    int m = 7;
    int n = 67; // four 512-bit vectors of floats and a tail
    for (int k : new int[] {1, 2, 3, 10}) {
      Layout l = new Layout(false, false, m, n, k, 0, k, 0, n, 1, n + 1);
      double[] a = new double[l.aSize()];
      for (int i = 0; i < m; i++) {
        a[i * k] = 1;
      }
      double[] b = new double[l.bSize()];
      double[] x = new double[l.cSize()];
      for (int j = 0; j < n; j++) {
        b[j] = special[j % special.length];
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = special[i % special.length];
      }
      check(kernel, l, a, b, new double[m + 2], x, new double[l.cSize()]);
    }
  }

  @Test
  void theDefaultStepsAreThoseOfThePlainLoops() {
    // ReluEpilogues against the definitions written out element by element.
    double[] c = {-1, -0.0, 0.5, Double.NaN, 2, -3, Double.longBitsToDouble(0xfff8000000000000L), 1e-300};
    double[] bias = {0.5, -0.5};
    double[] expected = new double[c.length];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 4; j++) {
        expected[i * 4 + j] = Math.max(c[i * 4 + j] + bias[i], 0);
      }
    }
    double[] actual = c.clone();
    ReluEpilogues.biasRelu(2, 4, bias, 0, actual, 0, 4);
    for (int i = 0; i < c.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "biasRelu " + i);
    }
    double[] g = {1, 2, 3, 4, 5, 6, 7, 8};
    ReluEpilogues.reluGradient(ScalarElementwise.INSTANCE, 2, 4, c, g, 0, 4);
    for (int i = 0; i < c.length; i++) {
      double kept = Double.doubleToRawLongBits(c[i]) > 0 ? i + 1 : 0;
      assertEquals(Double.doubleToRawLongBits(kept), Double.doubleToRawLongBits(g[i]), "reluGradient " + i);
    }
  }

  /** One product's shape and storage: offsets and padded leading dimensions. */
  record Layout(
      boolean transA, boolean transB, int m, int n, int k, int aOff, int lda, int bOff, int ldb, int cOff, int ldc) {
    Layout(boolean transA, boolean transB, int m, int n, int k, Random random) {
      this(transA, transB, m, n, k, random.nextInt(3), (transA ? m : k) + random.nextInt(2),
          random.nextInt(3), (transB ? k : n) + random.nextInt(2), random.nextInt(3), n + random.nextInt(3));
    }

    int aSize() {
      return aOff + (transA ? k : m) * lda;
    }

    int bSize() {
      return bOff + (transB ? n : k) * ldb;
    }

    int cSize() {
      return cOff + m * ldc + 2;
    }
  }

  private static void check(MatrixKernels kernel, Layout l, Random random) {
    double[] a = values(random, l.aSize());
    double[] b = values(random, l.bSize());
    double[] bias = values(random, l.m() + 2);
    double[] x = values(random, l.cSize());
    double[] before = values(random, l.cSize());
    check(kernel, l, a, b, bias, x, before);
  }

  /**
   * The fused products over these operands (bias from element 1, X laid out as C) against the
   * kernel's product followed by the step, in double and, rounded, in float.
   */
  private static void check(
      MatrixKernels kernel, Layout l, double[] a, double[] b, double[] bias, double[] x, double[] before) {
    // a few sums of exactly zero before the ReLU: a bias that cancels the product's first element
    double[] product = before.clone();
    kernel.gemm(l.transA(), l.transB(), l.m(), l.n(), l.k(), 1d, a, l.aOff(), l.lda(), b, l.bOff(), l.ldb(), 0d,
        product, l.cOff(), l.ldc());
    bias[1] = -product[l.cOff()];

    double[] expected = product.clone();
    ReluEpilogues.biasRelu(l.m(), l.n(), bias, 1, expected, l.cOff(), l.ldc());
    double[] actual = before.clone();
    kernel.gemmBiasRelu(l.transA(), l.transB(), l.m(), l.n(), l.k(), a, l.aOff(), l.lda(), b, l.bOff(), l.ldb(),
        bias, 1, actual, l.cOff(), l.ldc());
    same(kernel.name() + " double gemmBiasRelu " + l, expected, actual);

    expected = product.clone();
    ReluEpilogues.reluGradient(kernel.elementwise(), l.m(), l.n(), x, expected, l.cOff(), l.ldc());
    actual = before.clone();
    kernel.gemmReluGradient(l.transA(), l.transB(), l.m(), l.n(), l.k(), a, l.aOff(), l.lda(), b, l.bOff(), l.ldb(),
        x, actual, l.cOff(), l.ldc());
    same(kernel.name() + " double gemmReluGradient " + l, expected, actual);

    float[] af = KernelContractTest.toFloats(a);
    float[] bf = KernelContractTest.toFloats(b);
    float[] biasF = KernelContractTest.toFloats(bias);
    float[] xf = KernelContractTest.toFloats(x);
    float[] productF = KernelContractTest.toFloats(before);
    kernel.gemm(l.transA(), l.transB(), l.m(), l.n(), l.k(), 1f, af, l.aOff(), l.lda(), bf, l.bOff(), l.ldb(), 0f,
        productF, l.cOff(), l.ldc());
    biasF[1] = -productF[l.cOff()];
    float[] expectedF = productF.clone();
    ReluEpilogues.biasRelu(l.m(), l.n(), biasF, 1, expectedF, l.cOff(), l.ldc());
    float[] actualF = KernelContractTest.toFloats(before);
    kernel.gemmBiasRelu(l.transA(), l.transB(), l.m(), l.n(), l.k(), af, l.aOff(), l.lda(), bf, l.bOff(), l.ldb(),
        biasF, 1, actualF, l.cOff(), l.ldc());
    same(kernel.name() + " float gemmBiasRelu " + l, expectedF, actualF);

    expectedF = productF.clone();
    ReluEpilogues.reluGradient(kernel.elementwise(), l.m(), l.n(), xf, expectedF, l.cOff(), l.ldc());
    actualF = KernelContractTest.toFloats(before);
    kernel.gemmReluGradient(l.transA(), l.transB(), l.m(), l.n(), l.k(), af, l.aOff(), l.lda(), bf, l.bOff(), l.ldb(),
        xf, actualF, l.cOff(), l.ldc());
    same(kernel.name() + " float gemmReluGradient " + l, expectedF, actualF);
  }

  /** Uniform values in [−1, 1), with one in eleven ±0 and one in thirteen a NaN of either sign. */
  static double[] values(Random random, int size) {
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      int pick = random.nextInt(143);
      v[i] = pick < 13 ? (pick % 2 == 0 ? 0.0 : -0.0)
          : pick < 24 ? Double.longBitsToDouble((pick % 2 == 0 ? 0x7ff8000000000000L : 0xfff8000000000000L) | pick)
          : 2 * random.nextFloat() - 1;
    }
    return v;
  }

  static void same(String what, double[] expected, double[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])
          && !(Double.isNaN(expected[i]) && Double.isNaN(actual[i]))) {
        assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
            what + ": element " + i + " differs in its bits");
      }
    }
  }

  static void same(String what, float[] expected, float[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])
          && !(Float.isNaN(expected[i]) && Float.isNaN(actual[i]))) {
        assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
            what + ": element " + i + " differs in its bits (" + expected[i] + " expected, " + actual[i] + ")");
      }
    }
  }
}
