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
      if (fromLogits) {
        sum += Math.max(o, 0) - o * t + Math.log1p(Math.exp(-Math.abs(o)));
      } else {
        sum -= t * Math.max(Math.log(o), -100) + (1 - t) * Math.max(Math.log1p(-o), -100);
      }
    }
    return sum / output.size();
  }

  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    double n = output.size();
    for (int i = 0; i < output.size(); i++) {
      double o = output.get(i);
      double t = target.get(i);
      if (fromLogits) {
        grad.set(i, (SpecialFunctions.sigmoid(o) - t) / n);
      } else {
        grad.set(i, (o - t) / (n * Math.max(o * (1 - o), 1e-12)));
      }
    }
  }
}
