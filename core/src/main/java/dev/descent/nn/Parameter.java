package dev.descent.nn;

import dev.descent.tensor.Tensor;

/**
 * A trainable tensor with its gradient, named as PyTorch names a {@code nn.Sequential}'s
 * parameters ({@code 0.weight}, {@code 0.bias}, {@code 2.weight}, …), so optimizer state and saved
 * weights are keyed by stable names.
 *
 * <p>{@link #regularized()} tells whether weight penalties (L2) apply: true for weights, false for
 * biases. Not thread-safe: the values and gradient are mutated in place.
 *
 * @param name the qualified name
 * @param value the current values
 * @param grad the gradient of the objective with respect to {@code value}, same shape and dtype
 * @param regularized whether L2 regularization applies
 */
public record Parameter(String name, Tensor value, Tensor grad, boolean regularized) {

  public Parameter {
    dev.descent.tensor.Shapes.require(value.shape().equals(grad.shape()), "Parameter " + name,
        "value %s and gradient %s differ", value.shape(), grad.shape());
    dev.descent.tensor.Shapes.sameDType("Parameter " + name, value, grad);
  }

  /** A parameter with a zero gradient of the same shape as {@code value}. */
  public static Parameter of(String name, Tensor value, boolean regularized) {
    return new Parameter(name, value, value.zerosLike(), regularized);
  }
}
