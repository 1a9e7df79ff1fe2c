package dev.descent.loss;

import dev.descent.nn.Activation;
import dev.descent.nn.BuiltinActivations;
import dev.descent.tensor.Tensor;

/**
 * Binary cross-entropy averaged over all N elements, for targets t ∈ [0, 1].
 *
 * <p>From probabilities p (PyTorch {@code BCELoss}): L = −(1/N)·Σ [t·log p + (1 − t)·log(1 − p)],
 * with each log clamped to ≥ −100 as PyTorch does; ∂L/∂p = (p − t) / (N·max(p(1 − p), 1e-12)).
 *
 * <p>From logits z, p = σ(z) (PyTorch {@code BCEWithLogitsLoss}):
 * L = (1/N)·Σ [max(z, 0) − z·t + log(1 + e^(−|z|))], finite for every z; ∂L/∂z = (σ(z) − t)/N. A
 * model ending in a sigmoid is trained with this form ({@link #fusedWith}).
 *
 * @param fromLogits whether the inputs are logits rather than probabilities
 */
public record BinaryCrossEntropy(boolean fromLogits) implements Loss {
  static final String FORMULA =
      "L = −mean(t·log p + (1 − t)·log(1 − p)); from logits after a sigmoid output (PyTorch BCELoss / BCEWithLogitsLoss)";

  @Override
  public String name() {
    return "binary_cross_entropy";
  }

  @Override
  public Loss fusedWith(Activation outputActivation) {
    return !fromLogits && outputActivation instanceof BuiltinActivations.Sigmoid ? new BinaryCrossEntropy(true) : null;
  }

  @Override
  public double value(Tensor output, Tensor target) {
    checkTarget(output, target);
    if (fromLogits) {
      return LogitPass.run(output, target, null, null);
    }
    double sum = 0;
    for (int i = 0; i < output.size(); i++) {
      sum += probabilityTerm(output.get(i), target.get(i));
    }
    return sum / output.size();
  }

  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    checkTarget(output, target);
    if (fromLogits) {
      LogitPass.run(output, target, grad, null);
      return;
    }
    double n = output.size();
    for (int i = 0; i < output.size(); i++) {
      grad.set(i, probabilityGradient(output.get(i), target.get(i), n));
    }
  }

  /** One pass: from logits, e^(−|z|) is computed once per element for both the loss and σ(z). */
  @Override
  public double valueAndGradient(Tensor output, Tensor target, Tensor grad) {
    checkTarget(output, target);
    if (fromLogits) {
      return LogitPass.run(output, target, grad, null);
    }
    double n = output.size();
    double sum = 0;
    for (int i = 0; i < output.size(); i++) {
      double p = output.get(i);
      double t = target.get(i);
      sum += probabilityTerm(p, t);
      grad.set(i, probabilityGradient(p, t, n));
    }
    return sum / output.size();
  }

  /** From logits after a sigmoid: σ(z), which the gradient computes, is also the model's output. */
  @Override
  public double valueGradientAndOutputs(Tensor logits, Tensor target, Tensor grad, Activation activation, Tensor outputs) {
    if (!fromLogits || !(activation instanceof BuiltinActivations.Sigmoid)) {
      return Loss.super.valueGradientAndOutputs(logits, target, grad, activation, outputs);
    }
    checkTarget(logits, target);
    return LogitPass.run(logits, target, grad, outputs);
  }

  /** −[t·log p + (1 − t)·log(1 − p)], each log clamped to ≥ −100. */
  private static double probabilityTerm(double p, double t) {
    return -(t * Math.max(Math.log(p), -100) + (1 - t) * Math.max(Math.log1p(-p), -100));
  }

  /** (p − t) / (n·max(p(1 − p), 1e-12)). */
  private static double probabilityGradient(double p, double t, double n) {
    return (p - t) / (n * Math.max(p * (1 - p), 1e-12));
  }
}
