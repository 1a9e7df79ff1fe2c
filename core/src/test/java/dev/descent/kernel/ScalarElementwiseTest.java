package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link ScalarElementwise}, the definition every kernel's elementwise functions are held to: the
 * ReLU gradient passes gy exactly where x's bits are positive (PyTorch's
 * {@code threshold_backward}: x &gt; 0; a NaN with its sign bit clear passes too), +0 elsewhere.
 */
class ScalarElementwiseTest {
  private static final ScalarElementwise MATH = ScalarElementwise.INSTANCE;

  @Test
  void reluGradientPassesExactlyWherePyTorchDoes() {
    double[] passes = {1, 1e-40, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NaN}; // 1e-40: a float subnormal
    double[] zeroes = {0.0, -0.0, -1, -1e-40, -Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0xfff8000000000000L)};
    check(passes, true);
    check(zeroes, false);
  }

  /** Only the range [1, n−1) is written: the ends keep their sentinel. */
  private static void check(double[] xs, boolean pass) {
    int n = xs.length + 2;
    double[] x = new double[n];
    double[] gy = new double[n];
    double[] gx = new double[n];
    float[] xf = new float[n];
    float[] gyf = new float[n];
    float[] gxf = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i == 0 || i == n - 1 ? 1 : xs[i - 1];
      xf[i] = (float) x[i];
      gy[i] = -2.5 - i;
      gyf[i] = (float) gy[i];
      gx[i] = 7;
      gxf[i] = 7;
    }
    MATH.reluBackward(x, gy, gx, 1, n - 1);
    MATH.reluBackward(xf, gyf, gxf, 1, n - 1);
    for (int i = 1; i < n - 1; i++) {
      String what = "x = " + x[i];
      assertEquals(Double.doubleToRawLongBits(pass ? gy[i] : 0.0), Double.doubleToRawLongBits(gx[i]), what);
      boolean passF = pass && Float.floatToRawIntBits(xf[i]) != 0; // Double.MIN_VALUE rounds to +0 as a float
      assertEquals(Float.floatToRawIntBits(passF ? gyf[i] : 0f), Float.floatToRawIntBits(gxf[i]), what);
    }
    assertEquals(7, gx[0]);
    assertEquals(7, gx[n - 1]);
    assertEquals(7, gxf[0]);
    assertEquals(7, gxf[n - 1]);
  }
}
