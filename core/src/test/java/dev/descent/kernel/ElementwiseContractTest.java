package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link ElementwiseKernels} of every {@link MatrixKernels} on the class path against the
 * contract: exp and log1p bit for bit {@link ScalarElementwise}'s, exp within 1 ulp and log1p within
 * 2 ulps of fdlibm ({@link StrictMath}, the reference
 * of {@link Math#exp} and {@link Math#log1p}) over their whole range, exact at the special values that IEEE
 * 754 and the Java specification fix (±0, ±∞, NaN, −1 for log1p); an element's result independent
 * of the range it is computed in and of whether the output is the input array; and the ReLU
 * gradient bit for bit {@link ScalarElementwise}'s, NaNs and signed zeros included.
 */
class ElementwiseContractTest {

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.KernelContractTest#kernels")
  void expIsWithinOneUlpOfFdlibm(MatrixKernels kernel) {
    ElementwiseKernels math = available(kernel);
    Random random = new Random(31);
    double[] x = new double[20_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 2 == 0 ? random.nextDouble() * 1460 - 745 : random.nextGaussian() * 4;
    }
    checkUlps(kernel, x, math::exp, StrictMath::exp, "exp", 1);
    double[] special = {
      0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, 709.78, 709.79, 710, -708.39, -745.13, -745.14, -746, 1e-300, -1e-20
    };
    checkUlps(kernel, special, math::exp, StrictMath::exp, "exp", 1);
  }

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.KernelContractTest#kernels")
  void log1pIsWithinTwoUlpsOfFdlibm(MatrixKernels kernel) {
    ElementwiseKernels math = available(kernel);
    Random random = new Random(32);
    double[] x = new double[20_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (i % 4) {
        case 0 -> random.nextDouble() * 2 - 1; // (−1, 1)
        case 1 -> Math.exp(random.nextDouble() * 1400 - 700); // positive over the whole range
        case 2 -> -Math.exp(-random.nextDouble() * 700); // (−1, 0) down to tiny magnitudes
        default -> random.nextDouble() * 1e-8;
      };
    }
    checkUlps(kernel, x, math::log1p, StrictMath::log1p, "log1p", 2);
    double[] special = {
      0.0, -0.0, -1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -0.9999999999999999, 1e-300, 1.0
    };
    checkUlps(kernel, special, math::log1p, StrictMath::log1p, "log1p", 2);
  }

  @ParameterizedTest
  @MethodSource("dev.descent.kernel.KernelContractTest#kernels")
  void anElementsResultDependsOnItsValueAlone(MatrixKernels kernel) {
    ElementwiseKernels math = available(kernel);
    Random random = new Random(33);
    double[] x = new double[37];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * 10;
    }
    double[] whole = new double[x.length];
    double[] wholeLog = new double[x.length];
    math.exp(x, whole, 0, x.length);
    math.log1p(whole, wholeLog, 0, x.length);
    for (int from = 0; from < x.length; from++) {
      for (int to = from; to <= Math.min(x.length, from + 11); to++) {
        double[] part = new double[x.length];
        double[] partLog = new double[x.length];
        math.exp(x, part, from, to);
        math.log1p(whole, partLog, from, to);
        for (int i = 0; i < x.length; i++) {
          boolean inside = i >= from && i < to;
          String what = kernel.name() + ", element " + i + " of [" + from + ", " + to + ")";
          assertEquals(inside ? whole[i] : 0.0, part[i], 0.0, "exp, " + what);
          assertEquals(inside ? wholeLog[i] : 0.0, partLog[i], 0.0, "log1p, " + what);
        }
      }
    }
    double[] inPlace = x.clone();
    math.exp(inPlace, inPlace, 0, inPlace.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(whole[i], inPlace[i], 0.0, kernel.name() + ", exp in place, element " + i);
    }
  }

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

  private static void checkUlps(
      MatrixKernels kernel, double[] x, RangeFunction function, DoubleUnaryOperator reference, String name,
      int ulps) {
    double[] y = new double[x.length];
    function.apply(x, y, 0, x.length);
    double[] definition = new double[x.length];
    if (name.equals("exp")) {
      ScalarElementwise.INSTANCE.exp(x, definition, 0, x.length);
    } else {
      ScalarElementwise.INSTANCE.log1p(x, definition, 0, x.length);
    }
    for (int i = 0; i < x.length; i++) {
      assertEquals(Double.doubleToRawLongBits(definition[i]), Double.doubleToRawLongBits(y[i]),
          kernel.name() + ": " + name + "(" + x[i] + ") is not the definition's " + definition[i]);
      double expected = reference.applyAsDouble(x[i]);
      String what = kernel.name() + ": " + name + "(" + x[i] + ") = " + y[i] + ", fdlibm " + expected;
      if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(y[i]), what);
      } else {
        assertTrue(Math.abs(y[i] - expected) <= ulps * Math.ulp(expected), what);
      }
    }
  }

  @FunctionalInterface
  private interface RangeFunction {
    void apply(double[] x, double[] y, int from, int to);
  }
}
