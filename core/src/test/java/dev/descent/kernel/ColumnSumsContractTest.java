package dev.descent.kernel;

import static dev.descent.kernel.ReluEpiloguesContractTest.same;
import static dev.descent.kernel.ReluEpiloguesContractTest.values;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.ReluEpiloguesContractTest.Layout;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link MatrixKernels} on the class path: {@link MatrixKernels#gemmWithColumnSums} gives, bit
 * for bit, the kernel's own {@code gemm} with α = 1 and β = 0 for C and its {@code gemm} of a row of
 * k ones by op(B) for the sums, and leaves every element outside C's window and past the sums as it
 * was. The shapes are a small network's weight gradients over a batch (A·Bᵀ, at least 64 deep, into
 * one to 32 columns, with every remainder of k past whole vectors), a single row, too many columns,
 * and every transpose. The inputs hold ±0; NaNs of both signs are only in the last column of op(B) and
 * the first row of op(A) (a NaN matches any NaN, as in {@link ReluEpiloguesContractTest}), so that
 * every other sum and product is a number whose bits are compared.
 */
class ColumnSumsContractTest {
  private static final long SEED = 20261207L;

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.ReluEpiloguesContractTest#kernels")
  void productAndSumsGiveTheBitsOfTheKernelsOwnProducts(MatrixKernels kernel) {
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    int[][] shapes = {
        {10, 5, 300}, {2, 10, 300}, {5, 1, 300}, {3, 7, 67}, {4, 3, 69}, {2, 2, 71}, {6, 4, 68}, {7, 32, 100},
        {2, 9, 64}, {1, 5, 300}, {6, 33, 300}, {5, 4, 63}, {3, 300, 10}};
    Random random = new Random(SEED);
    for (int[] shape : shapes) {
      for (int t = 0; t < 4; t++) {
        check(kernel, new Layout(t / 2 == 1, t % 2 == 0, shape[0], shape[1], shape[2], random), random);
      }
    }
  }

  @Test
  void theDefaultSumsAreTheColumnsAddedInOrder() {
    // the reference kernel's sums against op(B)'s columns added from the first row to the last
    Random random = new Random(SEED);
    MatrixKernels kernel = new ReferenceKernels();
    for (boolean transB : new boolean[] {false, true}) {
      int n = 5;
      int k = 70;
      double[] b = values(random, n * k);
      double[] expected = new double[n];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += transB ? b[j * k + p] : b[p * n + j];
        }
        expected[j] = s;
      }
      double[] c = new double[3 * n];
      double[] sums = new double[n];
      kernel.gemmWithColumnSums(false, transB, 3, n, k, values(random, 3 * k), 0, k, b, 0, transB ? k : n, c, 0, n,
          sums, 0);
      same("reference sums, transB " + transB, expected, sums);
    }
  }

  /** {@code v} with each NaN replaced by a number in [0, 1). */
  private static double[] finite(double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        v[i] = (i % 29) / 29.0;
      }
    }
    return v;
  }

  private static void check(MatrixKernels kernel, Layout l, Random random) {
    double[] a = finite(values(random, l.aSize()));
    double[] b = finite(values(random, l.bSize()));
    // NaNs of both signs in op(A)'s first row and op(B)'s last column only
    a[l.aOff() + (l.transA() ? 3 * l.lda() : 3)] = Double.NaN;
    b[l.bOff() + (l.transB() ? (l.n() - 1) * l.ldb() + 1 : l.ldb() + l.n() - 1)] = Double.NaN;
    b[l.bOff() + (l.transB() ? (l.n() - 1) * l.ldb() + l.k() - 2 : (l.k() - 2) * l.ldb() + l.n() - 1)] =
        Double.longBitsToDouble(0xfff8000000000000L);
    double[] before = values(random, l.cSize());
    double[] sumsBefore = values(random, l.n() + 4);
    double[] ones = new double[l.k()];
    Arrays.fill(ones, 1);

    double[] expected = before.clone();
    kernel.gemm(l.transA(), l.transB(), l.m(), l.n(), l.k(), 1d, a, l.aOff(), l.lda(), b, l.bOff(), l.ldb(), 0d,
        expected, l.cOff(), l.ldc());
    double[] expectedSums = sumsBefore.clone();
    kernel.gemm(false, l.transB(), 1, l.n(), l.k(), 1d, ones, 0, l.k(), b, l.bOff(), l.ldb(), 0d,
        expectedSums, 2, l.n());
    double[] actual = before.clone();
    double[] actualSums = sumsBefore.clone();
    kernel.gemmWithColumnSums(l.transA(), l.transB(), l.m(), l.n(), l.k(), a, l.aOff(), l.lda(), b, l.bOff(), l.ldb(),
        actual, l.cOff(), l.ldc(), actualSums, 2);
    same(kernel.name() + " double product " + l, expected, actual);
    same(kernel.name() + " double sums " + l, expectedSums, actualSums);

    float[] af = KernelContractTest.toFloats(a);
    float[] bf = KernelContractTest.toFloats(b);
    float[] onesF = KernelContractTest.toFloats(ones);
    float[] expectedF = KernelContractTest.toFloats(before);
    kernel.gemm(l.transA(), l.transB(), l.m(), l.n(), l.k(), 1f, af, l.aOff(), l.lda(), bf, l.bOff(), l.ldb(), 0f,
        expectedF, l.cOff(), l.ldc());
    float[] expectedSumsF = KernelContractTest.toFloats(sumsBefore);
    kernel.gemm(false, l.transB(), 1, l.n(), l.k(), 1f, onesF, 0, l.k(), bf, l.bOff(), l.ldb(), 0f,
        expectedSumsF, 2, l.n());
    float[] actualF = KernelContractTest.toFloats(before);
    float[] actualSumsF = KernelContractTest.toFloats(sumsBefore);
    kernel.gemmWithColumnSums(l.transA(), l.transB(), l.m(), l.n(), l.k(), af, l.aOff(), l.lda(), bf, l.bOff(),
        l.ldb(), actualF, l.cOff(), l.ldc(), actualSumsF, 2);
    same(kernel.name() + " float product " + l, expectedF, actualF);
    same(kernel.name() + " float sums " + l, expectedSumsF, actualSumsF);
  }
}
