package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.ScalarElementwise;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The {@code vector} kernel's elementwise functions against fdlibm ({@link StrictMath}), the
 * reference for {@link Math#exp} and {@link Math#log1p}: within 1 ulp over the whole range and at
 * the special values (IEEE 754 and the Java specification fix ±0, ±∞ and NaN exactly); an element's
 * result does not depend on its position (whole vector or masked tail); and the ReLU gradient is
 * bit for bit {@link ScalarElementwise}'s.
 */
class VectorElementwiseTest {
  private static final VectorElementwise MATH = VectorElementwise.INSTANCE;

  @Test
  void isTheSelectedKernelsElementwiseFunctions() {
    assumeTrue(System.getProperty(Kernels.PROPERTY) == null, "a kernel is forced with -D" + Kernels.PROPERTY);
    assertSame(MATH, new VectorKernels().elementwise());
    assertSame(MATH, Kernels.elementwise());
  }

  @Test
  void expIsWithinOneUlpOfFdlibm() {
    Random random = new Random(31);
    double[] x = new double[20_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 2 == 0 ? random.nextDouble() * 1460 - 745 : random.nextGaussian() * 4;
    }
    checkUlps(x, MATH::exp, StrictMath::exp, "exp");
    double[] special = {
      0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, 709.78, 709.79, 710, -708.39, -745.13, -745.14, -746, 1e-300, -1e-20
    };
    checkUlps(special, MATH::exp, StrictMath::exp, "exp");
  }

  @Test
  void log1pIsWithinOneUlpOfFdlibm() {
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
    checkUlps(x, MATH::log1p, StrictMath::log1p, "log1p");
    double[] special = {
      0.0, -0.0, -1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -0.9999999999999999, 1e-300, 1.0
    };
    checkUlps(special, MATH::log1p, StrictMath::log1p, "log1p");
  }

  @Test
  void anElementsResultDoesNotDependOnItsPosition() {
    Random random = new Random(33);
    double[] x = new double[37];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * 10;
    }
    double[] whole = new double[x.length];
    double[] wholeLog = new double[x.length];
    MATH.exp(x, whole, 0, x.length);
    MATH.log1p(whole, wholeLog, 0, x.length);
    for (int from = 0; from < x.length; from++) {
      for (int to = from; to <= Math.min(x.length, from + 11); to++) {
        double[] part = new double[x.length];
        double[] partLog = new double[x.length];
        MATH.exp(x, part, from, to);
        MATH.log1p(whole, partLog, from, to);
        for (int i = 0; i < x.length; i++) {
          boolean inside = i >= from && i < to;
          String what = "element " + i + " of [" + from + ", " + to + ")";
          assertEquals(inside ? whole[i] : 0.0, part[i], 0.0, "exp, " + what);
          assertEquals(inside ? wholeLog[i] : 0.0, partLog[i], 0.0, "log1p, " + what);
        }
      }
    }
  }

  @Test
  void inPlaceGivesTheSameResults() {
    double[] x = {-3, -0.5, 0, 0.25, 1, 2, 7, 30, -700, 0.125, 5};
    double[] expected = new double[x.length];
    MATH.exp(x, expected, 0, x.length);
    double[] y = x.clone();
    MATH.exp(y, y, 0, y.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(expected[i], y[i], 0.0, "exp in place, element " + i);
    }
  }

  @Test
  void reluGradientIsBitForBitTheScalarDefinition() {
    Random random = new Random(34);
    double[] specials = {0.0, -0.0, Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1};
    int n = 203;
    double[] x = new double[n];
    double[] gy = new double[n];
    float[] xf = new float[n];
    float[] gyf = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i < specials.length ? specials[i] : random.nextGaussian();
      gy[i] = i % 7 == 0 ? -random.nextGaussian() : random.nextGaussian();
      xf[i] = i < specials.length ? (float) specials[i] : (float) random.nextGaussian();
      gyf[i] = (float) gy[i];
    }
    x[specials.length] = Double.longBitsToDouble(0xfff8000000000001L); // a NaN with its sign bit set
    xf[specials.length] = Float.intBitsToFloat(0xffc00001);
    for (int from : new int[] {0, 1, 3, 5}) {
      for (int to : new int[] {n, n - 1, n - 6, from + 3}) {
        double[] expected = new double[n];
        double[] actual = new double[n];
        ScalarElementwise.INSTANCE.reluBackward(x, gy, expected, from, to);
        MATH.reluBackward(x, gy, actual, from, to);
        float[] expectedF = new float[n];
        float[] actualF = new float[n];
        ScalarElementwise.INSTANCE.reluBackward(xf, gyf, expectedF, from, to);
        MATH.reluBackward(xf, gyf, actualF, from, to);
        for (int i = 0; i < n; i++) {
          String what = "element " + i + " of [" + from + ", " + to + "), x = " + x[i];
          assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), what);
          assertEquals(Float.floatToRawIntBits(expectedF[i]), Float.floatToRawIntBits(actualF[i]), what);
        }
      }
    }
    double[] one = new double[1];
    MATH.reluBackward(new double[] {2.5}, new double[] {-4}, one, 0, 1);
    assertEquals(-4, one[0]);
    MATH.reluBackward(new double[] {-0.0}, new double[] {-4}, one, 0, 1);
    assertEquals(0x0L, Double.doubleToRawLongBits(one[0]), "+0 where x ≤ 0");
  }

  @Test
  void binaryCrossEntropyFromLogitsAgreesWithItsDefinition() {
    assumeTrue(Kernels.elementwise() == MATH, "the vector kernel is not the selected one");
    Random random = new Random(35);
    int n = 301;
    Tensor z = Tensor.zeros(DType.FLOAT64, n, 1);
    Tensor t = Tensor.zeros(DType.FLOAT64, n, 1);
    Tensor grad = Tensor.zeros(DType.FLOAT64, n, 1);
    for (int i = 0; i < n; i++) {
      z.set(i, 0, i < 4 ? new double[] {0, -40, 40, 1e-9}[i] : random.nextGaussian() * 6);
      t.set(i, 0, random.nextInt(2));
    }
    double loss = new BinaryCrossEntropy(true).valueAndGradient(z, t, grad);
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double zi = z.get(i);
      double ti = t.get(i);
      expected += Math.max(zi, 0) - zi * ti + StrictMath.log1p(StrictMath.exp(-Math.abs(zi)));
      double sigmoid = 1 / (1 + StrictMath.exp(-zi));
      assertEquals((sigmoid - ti) / n, grad.get(i), 1e-15 / n, "gradient " + i + " at z = " + zi);
    }
    assertEquals(expected / n, loss, 1e-14 * Math.abs(expected / n));
  }

  private static void checkUlps(
      double[] x, Kernel kernel, DoubleUnaryOperator reference, String name) {
    double[] y = new double[x.length];
    kernel.apply(x, y, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      double expected = reference.applyAsDouble(x[i]);
      String what = name + "(" + x[i] + ") = " + y[i] + ", fdlibm " + expected;
      if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(y[i]), what);
      } else {
        assertTrue(Math.abs(y[i] - expected) <= Math.ulp(expected), what);
      }
    }
  }

  @FunctionalInterface
  private interface Kernel {
    void apply(double[] x, double[] y, int from, int to);
  }
}
