package dev.descent.loss;

import dev.descent.tensor.Tensor;

/**
 * Mean squared error, L = (1/N)·Σᵢ (oᵢ − tᵢ)² over all N elements (PyTorch {@code MSELoss}, Keras
 * {@code mean_squared_error}); ∂L/∂oᵢ = 2·(oᵢ − tᵢ)/N.
 */
public record MeanSquaredError() implements Loss {
  static final String FORMULA = "L = mean((output − target)²) (PyTorch MSELoss)";

  @Override
  public String name() {
    return "mse";
  }

  @Override
  public double value(Tensor output, Tensor target) {
    checkTarget(output, target);
    double sum = 0;
    for (int i = 0; i < output.size(); i++) {
      double d = output.get(i) - target.get(i);
      sum += d * d;
    }
    return sum / output.size();
  }

  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    double scale = 2.0 / output.size();
    for (int i = 0; i < output.size(); i++) {
      grad.set(i, scale * (output.get(i) - target.get(i)));
    }
  }

  /** One pass: each difference oᵢ − tᵢ is computed once for both the loss and the gradient. */
  @Override
  public double valueAndGradient(Tensor output, Tensor target, Tensor grad) {
    checkTarget(output, target);
    double scale = 2.0 / output.size();
    double sum = 0;
    for (int i = 0; i < output.size(); i++) {
      double d = output.get(i) - target.get(i);
      sum += d * d;
      grad.set(i, scale * d);
    }
    return sum / output.size();
  }
}
