package dev.descent.nn;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;

/**
 * An activation applied to each element alone: y = f(x), ∂L/∂x = f′(x)·∂L/∂y. Implementations give
 * {@link #value} and {@link #derivative} in double precision; the loops over float and double
 * arrays live here, once.
 */
public interface ElementwiseActivation extends Activation {

  /** f(x). */
  double value(double x);

  /** f′(x), given x and y = f(x) (whichever is cheaper to use). */
  double derivative(double x, double y);

  @Override
  default void forward(Tensor x, Tensor y) {
    if (x.dtype() == DType.FLOAT32) {
      float[] xs = x.floats();
      float[] ys = y.floats();
      for (int i = 0; i < xs.length; i++) {
        ys[i] = (float) value(xs[i]);
      }
    } else {
      double[] xs = x.doubles();
      double[] ys = y.doubles();
      for (int i = 0; i < xs.length; i++) {
        ys[i] = value(xs[i]);
      }
    }
  }

  @Override
  default void backward(Tensor x, Tensor y, Tensor gradY, Tensor gradX) {
    if (x.dtype() == DType.FLOAT32) {
      float[] xs = x.floats();
      float[] ys = y.floats();
      float[] gy = gradY.floats();
      float[] gx = gradX.floats();
      for (int i = 0; i < xs.length; i++) {
        gx[i] = (float) (derivative(xs[i], ys[i]) * gy[i]);
      }
    } else {
      double[] xs = x.doubles();
      double[] ys = y.doubles();
      double[] gy = gradY.doubles();
      double[] gx = gradX.doubles();
      for (int i = 0; i < xs.length; i++) {
        gx[i] = derivative(xs[i], ys[i]) * gy[i];
      }
    }
  }
}
