package dev.descent.nn;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;

/**
 * An activation applied to each element alone: y = f(x), ∂L/∂x = f′(x)·∂L/∂y. Implementations give
 * {@link #value} and {@link #derivative} in double precision; float32 elements are widened, computed
 * in double and rounded back.
 *
 * <p>The array methods run f or f′ over a range of a flat array. Their defaults call {@link #value}
 * or {@link #derivative} for each element; because a loop shared by several implementations makes
 * that call megamorphic (an interface dispatch per element), every built-in activation overrides
 * them with a loop of its own, in which the call is monomorphic and inlined. The results are the
 * same either way. The tensor methods run the array methods over the whole tensor.
 */
public interface ElementwiseActivation extends Activation {

  /** f(x). */
  double value(double x);

  /** f′(x), given x and y = f(x) (whichever is cheaper to use). */
  double derivative(double x, double y);

  /** y[i] ← f(x[i]) for i in [from, to), computed in double and rounded to float. */
  default void forward(float[] x, float[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] = (float) value(x[i]);
    }
  }

  /** y[i] ← f(x[i]) for i in [from, to). */
  default void forward(double[] x, double[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] = value(x[i]);
    }
  }

  /**
   * Whether f′ can be computed from y = f(x) alone, so that x need not be kept: {@link #backward}
   * then gives the same bits when handed y for x, and a caller may compute y in place of x (ReLU:
   * max(x, 0) keeps the bits of every x whose bits, as an integer, are positive, and makes every
   * other x +0). False by default.
   */
  default boolean derivativeFromOutput() {
    return false;
  }

  /**
   * z[i] ← z[i] + b, then y[i] ← f(z[i]), for i in [from, to): one bias value added to a range in
   * the same sweep as the activation (a row of a feature-major layer); y may be z. The default adds,
   * then calls {@link #forward(float[], float[], int, int)}; an override must give the same bits.
   */
  default void forwardWithBias(float[] z, float b, float[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      z[i] = z[i] + b;
    }
    forward(z, y, from, to);
  }

  /** Double-precision twin of {@link #forwardWithBias(float[], float, float[], int, int)}. */
  default void forwardWithBias(double[] z, double b, double[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      z[i] = z[i] + b;
    }
    forward(z, y, from, to);
  }

  /**
   * gx[i] ← f′(x[i], y[i])·gy[i] for i in [from, to), computed in double and rounded to float;
   * {@code gx} may be {@code gy}.
   */
  default void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
    for (int i = from; i < to; i++) {
      gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
    }
  }

  /** gx[i] ← f′(x[i], y[i])·gy[i] for i in [from, to); {@code gx} may be {@code gy}. */
  default void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
    for (int i = from; i < to; i++) {
      gx[i] = derivative(x[i], y[i]) * gy[i];
    }
  }

  @Override
  default void forward(Tensor x, Tensor y) {
    if (x.dtype() == DType.FLOAT32) {
      forward(x.floats(), y.floats(), 0, x.size());
    } else {
      forward(x.doubles(), y.doubles(), 0, x.size());
    }
  }

  @Override
  default void backward(Tensor x, Tensor y, Tensor gradY, Tensor gradX) {
    if (x.dtype() == DType.FLOAT32) {
      backward(x.floats(), y.floats(), gradY.floats(), gradX.floats(), 0, x.size());
    } else {
      backward(x.doubles(), y.doubles(), gradY.doubles(), gradX.doubles(), 0, x.size());
    }
  }
}
