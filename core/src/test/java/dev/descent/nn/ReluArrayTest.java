package dev.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The branch-free ReLU loops against PyTorch's definitions, element by element and bit by bit:
 * {@code torch.relu} (max(x, 0), NaN stays NaN) and {@code threshold_backward} (the incoming
 * gradient where x &gt; 0, +0 elsewhere, whatever that gradient holds), in both precisions.
 */
class ReluArrayTest {
  private static final BuiltinActivations.Relu RELU = new BuiltinActivations.Relu();
  private static final double[] XS = {
    2.5, -2.5, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-40, -1e-40
  };
  private static final double[] GS = {3.0, -3.0, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -7.25};

  @Test
  void forwardIsMaxWithZeroAndKeepsNaN() {
    for (double x : XS) {
      double[] yd = new double[1];
      RELU.forward(new double[] {x}, yd, 0, 1);
      assertBits(Double.isNaN(x) ? Double.NaN : x > 0 ? x : 0.0, yd[0], "relu(" + x + ")");
      assertBits(yd[0], RELU.value(x), "value(" + x + ")");
      float xf = (float) x;
      float[] yf = new float[1];
      RELU.forward(new float[] {xf}, yf, 0, 1);
      assertBits(Float.isNaN(xf) ? Float.NaN : xf > 0 ? xf : 0f, yf[0], "relu(" + xf + "f)");
    }
  }

  @Test
  void backwardPassesTheGradientExactlyWherePositive() {
    for (double x : XS) {
      if (Double.isNaN(x)) {
        continue; // the sign of a NaN decides; PyTorch passes the gradient (NaN <= 0 is false)
      }
      for (double g : GS) {
        double[] gx = new double[1];
        RELU.backward(new double[] {x}, new double[1], new double[] {g}, gx, 0, 1);
        assertBits(x > 0 ? g : 0.0, gx[0], "relu'(" + x + ")·" + g);
        float xf = (float) x;
        float[] gxf = new float[1];
        RELU.backward(new float[] {xf}, new float[1], new float[] {(float) g}, gxf, 0, 1);
        assertBits(xf > 0 ? (float) g : 0f, gxf[0], "relu'(" + xf + "f)·" + g);
      }
    }
  }

  @Test
  void loopsCoverExactlyTheirRange() {
    float[] x = {-1f, 2f, -3f, 4f, 5f};
    float[] y = {9f, 9f, 9f, 9f, 9f};
    RELU.forward(x, y, 1, 4);
    assertEquals(java.util.List.of(9f, 2f, 0f, 4f, 9f), java.util.List.of(y[0], y[1], y[2], y[3], y[4]));
    float[] gx = {9f, 9f, 9f, 9f, 9f};
    RELU.backward(x, y, new float[] {1f, 1f, 1f, 1f, 1f}, gx, 1, 4);
    assertEquals(java.util.List.of(9f, 1f, 0f, 1f, 9f), java.util.List.of(gx[0], gx[1], gx[2], gx[3], gx[4]));
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what + ": " + actual);
  }

  private static void assertBits(float expected, float actual, String what) {
    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), what + ": " + actual);
  }
}
