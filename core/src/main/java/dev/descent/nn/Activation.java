package dev.descent.nn;

import dev.descent.tensor.Tensor;

/**
 * An activation function applied to a batch: y = f(x), and its backward map from ∂L/∂y to ∂L/∂x.
 * Elementwise functions implement {@link ElementwiseActivation}; softmax works row by row.
 * Implementations are immutable and thread-safe.
 */
public interface Activation {

  /** The name, as written in specs, such as {@code relu}. */
  String name();

  /** The spec that rebuilds it, such as {@code leaky_relu(alpha=0.01)}. */
  String spec();

  /** y ← f(x); {@code x} and {@code y} have the same shape and dtype. */
  void forward(Tensor x, Tensor y);

  /** gradX ← ∂L/∂x given x, y = f(x) and gradY = ∂L/∂y. {@code gradX} may be {@code gradY}. */
  void backward(Tensor x, Tensor y, Tensor gradY, Tensor gradX);
}
