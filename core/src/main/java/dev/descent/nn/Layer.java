package dev.descent.nn;

import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * One stage of a network: a forward map from a batch of inputs ({@code [batch, in]}) to outputs
 * ({@code [batch, out]}) and its backward map, which turns the gradient of the objective with
 * respect to the outputs into the gradient with respect to the inputs and sets the gradients of
 * the layer's own parameters.
 *
 * <p>Protocol: {@link #build} once, then any number of {@link #forward} calls, each optionally
 * followed by one {@link #backward} for that same batch. Returned tensors are buffers the layer
 * owns and reuses: they are valid until the next call of the same method, so a steady training
 * loop allocates nothing. Parameter gradients are overwritten, not accumulated. Layers are
 * mutable and not thread-safe.
 */
public interface Layer {

  /** The kind of layer, such as {@code dense} or {@code relu}, as written in specs. */
  String kind();

  /** The spec that rebuilds this layer before {@link #build}, such as {@code dense(units=10)}. */
  String spec();

  /** The number of output features for {@code inputSize} input features. */
  int outputSize(int inputSize);

  /** Allocates and initializes parameters; called once, before the first forward pass. */
  void build(LayerContext context);

  /**
   * The outputs for a batch of inputs. In training mode layers keep what their backward pass needs;
   * {@code training} also switches mode-dependent layers such as dropout.
   */
  Tensor forward(Tensor input, boolean training);

  /** The gradient with respect to the last forward pass's inputs; sets this layer's parameter gradients. */
  Tensor backward(Tensor gradOutput);

  /** The trainable parameters, in a fixed order; empty for parameter-free layers. */
  default List<Parameter> parameters() {
    return List.of();
  }
}
