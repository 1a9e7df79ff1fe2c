package dev.descent.loss;

import dev.descent.nn.Activation;
import dev.descent.tensor.Tensor;

/**
 * A training objective comparing a batch of model outputs with targets, averaged over the batch
 * (PyTorch's {@code reduction='mean'}). Implementations are immutable and thread-safe.
 */
public interface Loss {

  /** The name, as written in specs. */
  String name();

  /** The mean loss over the batch. */
  double value(Tensor output, Tensor target);

  /** grad ← ∂(mean loss)/∂output; {@code grad} has the shape of {@code output}. */
  void gradient(Tensor output, Tensor target, Tensor grad);

  /**
   * The mean loss, as {@link #value}, and grad ← ∂(mean loss)/∂output, as {@link #gradient}, with the
   * same results; built-in losses compute both in one pass over the batch, sharing what the two
   * have in common (the exponentials of a cross-entropy).
   */
  default double valueAndGradient(Tensor output, Tensor target, Tensor grad) {
    double value = value(output, target);
    gradient(output, target, grad);
    return value;
  }

  /**
   * For a loss computed from logits (one that {@link #fusedWith} returned for {@code activation}):
   * {@link #valueAndGradient} at {@code logits}, and the model's outputs f(logits) written into
   * {@code outputs}. By default the activation runs on its own; a loss whose gradient computes
   * f(logits) anyway (σ for binary cross-entropy) writes them from the same pass, bit for bit as
   * the activation would.
   */
  default double valueGradientAndOutputs(Tensor logits, Tensor target, Tensor grad, Activation activation, Tensor outputs) {
    activation.forward(logits, outputs);
    return valueAndGradient(logits, target, grad);
  }

  /**
   * The same objective computed from the input of {@code outputActivation} instead of its output,
   * or {@code null} when this loss has no such form. Binary cross-entropy after a sigmoid becomes
   * binary cross-entropy from logits, and cross-entropy after a softmax takes the logits directly:
   * mathematically the same, but finite where the probabilities round to 0 or 1.
   */
  default Loss fusedWith(Activation outputActivation) {
    return null;
  }

  /**
   * Checks that {@code target} fits {@code output} for this loss, with a message naming both
   * shapes; the default requires equal shapes.
   */
  default void checkTarget(Tensor output, Tensor target) {
    if (output.rows() != target.rows() || output.cols() != target.cols()) {
      throw dev.descent.tensor.Shapes.error(
          name(), "targets of shape %s do not fit outputs of shape %s", target.shape(), output.shape());
    }
  }
}
