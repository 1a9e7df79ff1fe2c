package dev.descent.nn;

import dev.descent.tensor.Shapes;
import dev.descent.tensor.Tensor;

/**
 * A parameter-free layer applying an {@link Activation}. Keeps its input and output from the
 * forward pass for the backward pass. Mutable, not thread-safe.
 */
public final class ActivationLayer implements Layer {
  private final Activation activation;
  private final BatchBuffer output = new BatchBuffer();
  private final BatchBuffer gradInput = new BatchBuffer();
  private Tensor input;
  private Tensor lastOutput;

  /** A layer applying {@code activation}. */
  public ActivationLayer(Activation activation) {
    this.activation = activation;
  }

  /** The activation it applies. */
  public Activation activation() {
    return activation;
  }

  @Override
  public String kind() {
    return activation.name();
  }

  @Override
  public String spec() {
    return activation.spec();
  }

  @Override
  public int outputSize(int inputSize) {
    return inputSize;
  }

  @Override
  public void build(LayerContext context) {}

  @Override
  public Tensor forward(Tensor x, boolean training) {
    Tensor y = output.like(x);
    activation.forward(x, y);
    input = x;
    lastOutput = y;
    return y;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    if (lastOutput.size() != gradOutput.size()) {
      throw Shapes.error(activation.name() + " backward", "shapes %s and %s differ",
          lastOutput.shape(), gradOutput.shape());
    }
    Tensor gx = gradInput.like(gradOutput);
    activation.backward(input, lastOutput, gradOutput, gx);
    return gx;
  }
}
