package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link ElementwiseKernels} of every {@link MatrixKernels} on the class path against the
 * contract: the ReLU gradient bit for bit {@link ScalarElementwise}'s, NaNs and signed zeros
 * included, over ranges that start and end inside a vector.
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

  private static ElementwiseKernels available(MatrixKernels kernel) {
    assumeTrue(kernel.isAvailable(), kernel.name() + " is not available here");
    return kernel.elementwise();
  }
}
