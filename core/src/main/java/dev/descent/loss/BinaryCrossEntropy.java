package dev.descent.loss;

import dev.descent.nn.Activation;
import dev.descent.nn.BuiltinActivations;
import dev.descent.nn.SpecialFunctions;
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
    double sum = 0;
    for (int i = 0; i < output.size(); i++) {
      double o = output.get(i);
      double t = target.get(i);
      sum += fromLogits ? logitTerm(o, t, Math.exp(-Math.abs(o))) : probabilityTerm(o, t);
    }
    return sum / output.size();
  }

  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    double n = output.size();
    for (int i = 0; i < output.size(); i++) {
      double o = output.get(i);
      double t = target.get(i);
      grad.set(i, fromLogits ? (sigmoid(o, Math.exp(-Math.abs(o))) - t) / n : probabilityGradient(o, t, n));
    }
  }

  /** One pass: from logits, e^(−|z|) is computed once per element for both the loss and σ(z). */
  @Override
  public double valueAndGradient(Tensor output, Tensor target, Tensor grad) {
    return valueGradientAndOutputs(output, target, grad, null);
  }

  /** From logits after a sigmoid: σ(z), which the gradient computes, is also the model's output. */
  @Override
  public double valueGradientAndOutputs(Tensor logits, Tensor target, Tensor grad, Activation activation, Tensor outputs) {
    if (!fromLogits || !(activation instanceof BuiltinActivations.Sigmoid)) {
      return Loss.super.valueGradientAndOutputs(logits, target, grad, activation, outputs);
    }
    return valueGradientAndOutputs(logits, target, grad, outputs);
  }

  /** The loss and its gradient in one pass, and σ(z) into {@code outputs} when it is not null (logits only). */
  private double valueGradientAndOutputs(Tensor output, Tensor target, Tensor grad, Tensor outputs) {
    checkTarget(output, target);
    int size = output.size();
    double n = size;
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double o = output.get(i);
      double t = target.get(i);
      if (fromLogits) {
        double e = Math.exp(-Math.abs(o));
        double p = sigmoid(o, e);
        sum += logitTerm(o, t, e);
        grad.set(i, (p - t) / n);
        if (outputs != null) {
          outputs.set(i, p);
        }
      } else {
        sum += probabilityTerm(o, t);
        grad.set(i, probabilityGradient(o, t, n));
      }
    }
    return sum / size;
  }

  /** max(z, 0) − z·t + log(1 + e^(−|z|)), given e = e^(−|z|). */
  private static double logitTerm(double z, double t, double e) {
    return Math.max(z, 0) - z * t + SpecialFunctions.log1p(e);
  }

  /** σ(z) given e = e^(−|z|): 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise, as {@link SpecialFunctions#sigmoid}. */
  private static double sigmoid(double z, double e) {
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);
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
