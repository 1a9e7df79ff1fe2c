package dev.descent.kernel.blas;

import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.kernel.MatrixKernels;
import dev.descent.kernel.ReferenceKernels;
import java.util.Arrays;
import java.util.Random;

/**
 * One gemm call with its storage layout, the inputs it is run on, and the check of a kernel's
 * result against {@link ReferenceKernels}.
 *
 * <p>Inputs are uniform in [−1, 1) and representable in float, so both precisions multiply the
 * same numbers; when β = 0 the m×n window of C is filled with NaN, which must not survive. An
 * element passes when |actual − reference| ≤ 2·ε·(k + 2)·(|α|·Σ_p |a_ip||b_pj| + |β·c_ij|) + tiny
 * (ε the machine epsilon of the precision, tiny its smallest normal number), a loose multiple of
 * the classical bound k·(ε/2) on the rounding error of a dot product (Higham, Accuracy and
 * Stability of Numerical Algorithms, 2nd ed., §3.1) that allows any summation order and fused
 * multiply-adds. Elements of C outside the window must keep their exact bits.
 */
record GemmCase(
    boolean transA, boolean transB, int m, int n, int k, double alpha, double beta,
    int aOff, int lda, int bOff, int ldb, int cOff, int ldc, long seed) {

  /** The arrays of a case, as doubles that are exactly floats. */
  record Inputs(double[] a, double[] b, double[] c) {}

  /** A case with random offsets (0 to 5) and leading dimensions padded by 0 to 3 elements. */
  static GemmCase random(
      boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, Random random) {
    int aCols = transA ? m : k;
    int bCols = transB ? k : n;
    return new GemmCase(
        transA, transB, m, n, k, alpha, beta,
        random.nextInt(6), aCols + random.nextInt(4),
        random.nextInt(6), bCols + random.nextInt(4),
        random.nextInt(6), Math.max(1, n + random.nextInt(4)),
        random.nextLong());
  }

  int aRows() {
    return transA ? k : m;
  }

  int bRows() {
    return transB ? n : k;
  }

  /** The inputs: arrays that extend three elements past the last stored row of each matrix. */
  Inputs inputs() {
    return inputs(aOff + aRows() * lda + 3, bOff + bRows() * ldb + 3);
  }

  /** The inputs, with arrays for A and B of the given lengths. */
  Inputs inputs(int aLength, int bLength) {
    Random random = new Random(seed);
    double[] a = uniform(random, aLength);
    double[] b = uniform(random, bLength);
    double[] c = uniform(random, cOff + m * ldc + 3);
    if (beta == 0) {
      for (int i = 0; i < c.length; i++) {
        if (inWindow(i)) {
          c[i] = Double.NaN;
        }
      }
    }
    return new Inputs(a, b, c);
  }

  /** C after {@code kernel}'s single-precision gemm on {@code in}, widened to double. */
  double[] runFloat(MatrixKernels kernel, Inputs in) {
    float[] c = toFloats(in.c());
    kernel.gemm(
        transA, transB, m, n, k,
        (float) alpha, toFloats(in.a()), aOff, lda, toFloats(in.b()), bOff, ldb,
        (float) beta, c, cOff, ldc);
    double[] widened = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      widened[i] = c[i];
    }
    return widened;
  }

  /** C after {@code kernel}'s double-precision gemm on {@code in}. */
  double[] runDouble(MatrixKernels kernel, Inputs in) {
    double[] c = in.c().clone();
    kernel.gemm(transA, transB, m, n, k, alpha, in.a(), aOff, lda, in.b(), bOff, ldb, beta, c, cOff, ldc);
    return c;
  }

  /** Fails unless {@code kernel}'s float and double results on {@code in} match the reference. */
  void check(MatrixKernels kernel, Inputs in) {
    ReferenceKernels reference = new ReferenceKernels();
    double[] magnitude = magnitude(in);
    compare("float", in, magnitude, runFloat(kernel, in), runFloat(reference, in), Math.ulp(1f), Float.MIN_NORMAL);
    compare("double", in, magnitude, runDouble(kernel, in), runDouble(reference, in), Math.ulp(1d), Double.MIN_NORMAL);
  }

  boolean inWindow(int index) {
    int rel = index - cOff;
    return rel >= 0 && rel / ldc < m && rel % ldc < n;
  }

  /** Σ_p |a_ip||b_pj|, m×n dense. */
  private double[] magnitude(Inputs in) {
    double[] magnitude = new double[m * n];
    new ReferenceKernels().gemm(
        transA, transB, m, n, k, 1.0,
        Arrays.stream(in.a()).map(Math::abs).toArray(), aOff, lda,
        Arrays.stream(in.b()).map(Math::abs).toArray(), bOff, ldb,
        0.0, magnitude, 0, Math.max(1, n));
    return magnitude;
  }

  private void compare(
      String precision, Inputs in, double[] magnitude, double[] actual, double[] expected, double eps, double tiny) {
    double[] before = in.c();
    for (int index = 0; index < actual.length; index++) {
      if (!inWindow(index)) {
        if (Double.doubleToRawLongBits(actual[index]) != Double.doubleToRawLongBits(before[index])) {
          fail(precision + ": element " + index + " outside the window changed, " + this);
        }
        continue;
      }
      int i = (index - cOff) / ldc;
      int j = (index - cOff) % ldc;
      double prior = beta == 0 ? 0 : Math.abs(beta * before[index]);
      double bound = Math.abs(alpha) * magnitude[i * n + j] + prior;
      double tolerance = 2 * eps * (k + 2) * bound + tiny;
      if (!(Math.abs(actual[index] - expected[index]) <= tolerance)) {
        fail(String.format(
            "%s: C(%d, %d) = %s, reference %s, tolerance %s, %s",
            precision, i, j, actual[index], expected[index], tolerance, this));
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
}
