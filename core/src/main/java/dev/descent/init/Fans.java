package dev.descent.init;

import dev.descent.DescentException;
import dev.descent.tensor.Shape;

/**
 * The fan-in and fan-out of a weight tensor, as Keras and PyTorch define them.
 *
 * <p>Descent stores a dense layer's weight as {@code [in, out]} (Keras's kernel layout; the layer
 * computes y = x·W + b), so fan-in is the number of rows and fan-out the number of columns.
 * PyTorch stores {@code nn.Linear.weight} transposed, as {@code [out, in]}, and computes the same
 * fans from its axes 1 and 0. For a tensor of rank above 2, {@code [..., in, out]} in Keras's
 * convention, both fans are multiplied by the receptive-field size (the product of the leading
 * dimensions), as {@code keras.initializers.VarianceScaling} does. A rank-1 tensor of n elements
 * (a bias) has fan-in = fan-out = n, as in Keras.
 *
 * @param fanIn inputs that feed one output unit
 * @param fanOut outputs that one input unit feeds
 */
public record Fans(int fanIn, int fanOut) {

  public Fans {
    if (fanIn < 0 || fanOut < 0) {
      throw new DescentException(String.format("fans must be ≥ 0, got fan_in=%d, fan_out=%d", fanIn, fanOut));
    }
  }

  /** The fans of a dense weight of {@code in} inputs and {@code out} outputs. */
  public static Fans dense(int in, int out) {
    return new Fans(in, out);
  }

  /** The fans of a tensor of {@code shape} in Descent's (Keras's) layout. */
  public static Fans of(Shape shape) {
    if (shape.rank() == 1) {
      return new Fans(shape.dim(0), shape.dim(0));
    }
    int receptive = 1;
    for (int i = 0; i < shape.rank() - 2; i++) {
      receptive *= shape.dim(i);
    }
    return new Fans(shape.dim(shape.rank() - 2) * receptive, shape.dim(shape.rank() - 1) * receptive);
  }

  /** (fan_in + fan_out) / 2, the {@code fan_avg} of variance scaling. */
  public double average() {
    return (fanIn + fanOut) / 2.0;
  }
}
