package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link ElementwiseKernels} of every {@link MatrixKernels} on the class path against the
 * contract: the ReLU gradient and binary cross-entropy from logits bit for bit {@link
 * ScalarElementwise}'s, NaNs, infinities, signed zeros, subnormal and saturating logits included,
 * over ranges that start and end inside a vector; the count of outputs on their target's side of a
 * threshold against the comparisons written out; and those outputs of the definition that are not
 * plain arithmetic against fdlibm, so that a kernel cannot agree with a wrong definition.
 */
class ElementwiseContractTest {

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.KernelContractTest#kernels")
  void reluGradientIsBitForBitTheScalarDefinition(MatrixKernels kernel) {
    ElementwiseKernels math = available(kernel);
    Random random = new Random(34);
    double[] specials = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xfff8000000000001L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1};
    float[] specialsF = {0f, -0f, Float.NaN, Float.intBitsToFloat(0xffc00001), Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 1, -1};
    int n = 203;
    double[] x = new double[n];
    double[] gy = new double[n];
    float[] xf = new float[n];
    float[] gyf = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i < specials.length ? specials[i] : random.nextGaussian();
      xf[i] = i < specialsF.length ? specialsF[i] : (float) random.nextGaussian();
      gy[i] = i % 7 == 0 ? -random.nextGaussian() : random.nextGaussian();
      gyf[i] = (float) gy[i];
    }
    for (int from : new int[] {0, 1, 3, 5}) {
      for (int to : new int[] {n, n - 1, n - 6, from + 3}) {
        double[] expected = new double[n];
        double[] actual = new double[n];
        ScalarElementwise.INSTANCE.reluBackward(x, gy, expected, from, to);
        math.reluBackward(x, gy, actual, from, to);
        float[] expectedF = new float[n];
        float[] actualF = new float[n];
        ScalarElementwise.INSTANCE.reluBackward(xf, gyf, expectedF, from, to);
        math.reluBackward(xf, gyf, actualF, from, to);
        for (int i = 0; i < n; i++) {
          String what = kernel.name() + ", element " + i + " of [" + from + ", " + to + ")";
          assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), what + ", x = " + x[i]);
          assertEquals(Float.floatToRawIntBits(expectedF[i]), Float.floatToRawIntBits(actualF[i]), what + ", x = " + xf[i]);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.KernelContractTest#kernels")
  void thresholdAgreementsCountWhatTheComparisonsSay(MatrixKernels kernel) {
    ElementwiseKernels math = available(kernel);
    Random random = new Random(35);
    // outputs at, just above and just below the threshold, NaNs of both signs, infinities, zeros
    double[] specials = {0.5, Math.nextUp(0.5), Math.nextDown(0.5), Double.NaN,
        Double.longBitsToDouble(0xfff8000000000001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1, 0};
    int n = 203;
    double[] o = new double[n];
    double[] t = new double[n];
    float[] of = new float[n];
    float[] tf = new float[n];
    for (int i = 0; i < n; i++) {
      o[i] = i < specials.length ? specials[i] : random.nextDouble();
      t[i] = i < specials.length ? specials[(i + 3) % specials.length] : random.nextInt(2);
      of[i] = (float) o[i];
      tf[i] = (float) t[i];
    }
    for (int from : new int[] {0, 1, 3, 5}) {
      for (int to : new int[] {n, n - 1, n - 6, from + 3, from}) {
        int expected = 0;
        int expectedF = 0;
        for (int i = from; i < to; i++) {
          expected += (o[i] > 0.5) == (t[i] > 0.5) ? 1 : 0;
          expectedF += (of[i] > 0.5f) == (tf[i] > 0.5f) ? 1 : 0;
        }
        String what = kernel.name() + ", [" + from + ", " + to + ")";
        assertEquals(expected, math.thresholdAgreements(o, t, 0.5, from, to), what);
        assertEquals(expectedF, math.thresholdAgreements(of, tf, 0.5f, from, to), what + " float");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.KernelContractTest#kernels")
  void logitCrossEntropyIsBitForBitTheScalarDefinition(MatrixKernels kernel) {
    ElementwiseKernels math = available(kernel);
    double[] z = logits(2_003);
    double[] t = new double[z.length];
    Random random = new Random(36);
    for (int i = 0; i < t.length; i++) {
      t[i] = i % 5 == 0 ? random.nextDouble() : random.nextInt(2);
    }
    double scale = 1.0 / z.length;
    for (int from : new int[] {0, 1, 3, 5}) {
      for (int to : new int[] {z.length, z.length - 1, z.length - 6, from + 3}) {
        double[][] expected = {new double[z.length], new double[z.length], new double[z.length]};
        double[][] actual = {new double[z.length], new double[z.length], new double[z.length]};
        ScalarElementwise.INSTANCE.logitCrossEntropy(z, t, scale, expected[0], expected[1], expected[2], from, to);
        math.logitCrossEntropy(z, t, scale, actual[0], actual[1], actual[2], from, to);
        String[] names = {"sigmoid", "gradient", "loss"};
        for (int o = 0; o < 3; o++) {
          for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[o][i]), Double.doubleToLongBits(actual[o][i]),
                kernel.name() + ", " + names[o] + " " + i + " of [" + from + ", " + to + "), z = " + z[i]);
          }
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theDefinitionsSigmoidAndLossTermsAgreeWithFdlibm() {
    double[] z = logits(2_003);
    double[] t = new double[z.length];
    double[] sigmoid = new double[z.length];
    double[] gradient = new double[z.length];
    double[] loss = new double[z.length];
    ScalarElementwise.INSTANCE.logitCrossEntropy(z, t, 1, sigmoid, gradient, loss, 0, z.length);
    for (int i = 0; i < z.length; i++) {
      if (Double.isNaN(z[i])) {
        assertEquals(Double.NaN, sigmoid[i]);
        assertEquals(Double.NaN, loss[i]);
        continue;
      }
      double e = StrictMath.exp(-Math.abs(z[i]));
      double expectedSigmoid = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
      double expectedLoss = Math.max(z[i], 0) - z[i] * t[i] + StrictMath.log1p(e);
      assertWithinUlps(expectedSigmoid, sigmoid[i], "sigmoid, z = " + z[i]);
      assertWithinUlps(expectedLoss, loss[i], "loss term, z = " + z[i]);
    }
  }

  /** Within three ulps of {@code expected}, or both the same infinity, or both NaN. */
  private static void assertWithinUlps(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
    } else {
      assertEquals(expected, actual, 3 * Math.ulp(expected), what);
    }
  }

  /** Logits around zero, saturating ones, extremes and special values, then Gaussian ones of several scales. */
  private static double[] logits(int n) {
    double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        -Double.MIN_VALUE, 1e-300, -1e-300, 36.7, -36.7, 708.4, -708.4, 745.2, -745.2, 746, -746, 1e10, -1e10,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1, -1, 0.5, -0.5};
    Random random = new Random(37);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = i < specials.length ? specials[i] : random.nextGaussian() * new double[] {0.01, 1, 10, 100}[i % 4];
    }
    return z;
  }

  private static ElementwiseKernels available(MatrixKernels kernel) {
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    return kernel.elementwise();
  }
}
