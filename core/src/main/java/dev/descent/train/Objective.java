package dev.descent.train;

import dev.descent.DescentException;
import dev.descent.loss.Loss;
import dev.descent.nn.Activation;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.BatchBuffer;
import dev.descent.nn.Layer;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * What training minimizes: a model's loss on a batch plus an L2 penalty on its weights,
 * J(θ) = L(model(x), y) + λ·Σ_W ‖W‖² (Keras's {@code L2(l2=λ)} regularizer, applied to weights,
 * not biases), with ∂J/∂W = ∂L/∂W + 2λW.
 *
 * <p>When the loss has a form computed from the output activation's input ({@link
 * Loss#fusedWith}: binary cross-entropy after a sigmoid, cross-entropy after a softmax), the loss
 * and its gradient are taken at the logits and backpropagation starts below the output
 * activation, so the objective stays finite however confident the model is. Mutable (it holds
 * the model's buffers), not thread-safe.
 */
public final class Objective {
  private final Sequential model;
  private final Loss loss;
  private final Loss lossOnLogits;
  /** The output activation the loss on logits stands below, or null when the loss is not fused. */
  private final Activation outputActivation;
  private final double l2;
  private final int lossLayers;
  private final BatchBuffer gradient = new BatchBuffer();
  private final BatchBuffer outputs = new BatchBuffer();
  private Tensor lastOutput;

  /** The objective of {@code model} under {@code loss} with L2 strength {@code l2} ≥ 0. */
  public Objective(Sequential model, Loss loss, double l2) {
    dev.descent.spec.Arguments.atLeast("objective", "l2", l2, 0);
    this.model = model;
    this.loss = loss;
    this.l2 = l2;
    Layer last = model.layers().get(model.layers().size() - 1);
    Loss fused = last instanceof ActivationLayer a ? loss.fusedWith(a.activation()) : null;
    this.lossOnLogits = fused;
    this.outputActivation = fused == null ? null : ((ActivationLayer) last).activation();
    this.lossLayers = fused == null ? model.layers().size() : model.layers().size() - 1;
  }

  /** The model. */
  public Sequential model() {
    return model;
  }

  /** The loss as configured. */
  public Loss loss() {
    return loss;
  }

  /** The L2 strength λ. */
  public double l2() {
    return l2;
  }

  /** Whether the loss is computed from the output activation's input. */
  public boolean isFused() {
    return lossOnLogits != null;
  }

  /**
   * Runs the model forward in training mode on {@code x}, computes J and sets every parameter's
   * gradient ∂J/∂θ. Returns J. The model's outputs stay available from {@link #lastOutput()}.
   */
  public double computeGradients(Tensor x, Tensor y) {
    return computeGradients(x, y, true);
  }

  /**
   * As {@link #computeGradients(Tensor, Tensor)}, with the mode of mode-dependent layers chosen by
   * {@code training} (a gradient check turns dropout off this way).
   */
  public double computeGradients(Tensor x, Tensor y, boolean training) {
    Tensor scores = model.forward(x, training, lossLayers);
    Tensor g = gradient.like(scores);
    double value;
    if (lossOnLogits == null) {
      lastOutput = scores;
      value = loss.valueAndGradient(scores, y, g);
    } else {
      // the output activation's values from the loss's own pass (σ for binary cross-entropy)
      lastOutput = outputs.like(scores);
      value = lossOnLogits.valueGradientAndOutputs(scores, y, g, outputActivation, lastOutput);
    }
    model.backwardToParameters(g, lossLayers);
    return value + penaltyAndGradient(true);
  }

  /** J on {@code x}, {@code y} without touching gradients; {@code training} selects the mode of dropout. */
  public double value(Tensor x, Tensor y, boolean training) {
    Tensor scores = model.forward(x, training, lossLayers);
    Tensor output = lossLayers == model.layers().size() ? scores : model.layers().get(lossLayers).forward(scores, training);
    lastOutput = output;
    return (lossOnLogits == null ? loss : lossOnLogits).value(scores, y) + penaltyAndGradient(false);
  }

  /** The model's outputs from the last {@link #computeGradients} or {@link #value} call. */
  public Tensor lastOutput() {
    return lastOutput;
  }

  private double penaltyAndGradient(boolean addGradient) {
    if (l2 == 0) {
      return 0;
    }
    double penalty = 0;
    List<Parameter> parameters = model.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (p.regularized()) {
        penalty += p.value().sumOfSquares();
        if (addGradient) {
          p.grad().axpy(2 * l2, p.value());
        }
      }
    }
    return l2 * penalty;
  }

  /**
   * Where non-finite values first appear on input {@code x}: the first parameter holding NaN or
   * infinity, else the first layer whose output does. For the error raised when training diverges.
   */
  public String locateNonFinite(Tensor x) {
    for (Parameter p : model.parameters()) {
      if (!p.value().allFinite()) {
        return "parameter " + p.name();
      }
    }
    Tensor t = x;
    if (!t.allFinite()) {
      return "the input batch";
    }
    for (int i = 0; i < model.layers().size(); i++) {
      Layer layer = model.layers().get(i);
      t = layer.forward(t, false);
      if (!t.allFinite()) {
        return "layer " + i + " (" + layer.kind() + ") output";
      }
    }
    return "the loss (outputs are finite; the loss overflowed)";
  }

  /** Fails with a message naming both shapes unless {@code targets} fit the model's outputs for this loss. */
  public void checkTargets(Tensor features, Tensor targets) {
    int outputs = model.outputSize(model.inputSize());
    if (features.cols() != model.inputSize()) {
      throw new DescentException(String.format(
          "the data has %d features but the model expects %d", features.cols(), model.inputSize()));
    }
    if (features.dtype() != model.dtype() || targets.dtype() != model.dtype()) {
      throw new DescentException(String.format("the model is %s, but the data is %s",
          model.dtype().label(), features.dtype().label()));
    }
    loss.checkTarget(Tensor.zeros(targets.dtype(), targets.rows(), outputs), targets);
  }
}
