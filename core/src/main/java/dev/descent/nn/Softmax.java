package dev.descent.nn;

import dev.descent.tensor.Tensor;

/**
 * Softmax over each row: y_j = exp(x_j − max x) / Σ_k exp(x_k − max x) (shifted by the row's
 * maximum so it never overflows). Backward: ∂L/∂x_j = y_j·(∂L/∂y_j − Σ_k y_k·∂L/∂y_k). Immutable
 * and thread-safe.
 */
public record Softmax() implements Activation {
  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public String spec() {
    return "softmax";
  }

  @Override
  public void forward(Tensor x, Tensor y) {
    int cols = x.cols();
    for (int r = 0; r < x.rows(); r++) {
      int base = r * cols;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < cols; c++) {
        max = Math.max(max, x.get(base + c));
      }
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        sum += Math.exp(x.get(base + c) - max);
      }
      for (int c = 0; c < cols; c++) {
        y.set(base + c, Math.exp(x.get(base + c) - max) / sum);
      }
    }
  }

  @Override
  public void backward(Tensor x, Tensor y, Tensor gradY, Tensor gradX) {
    int cols = x.cols();
    for (int r = 0; r < x.rows(); r++) {
      int base = r * cols;
      double dot = 0;
      for (int c = 0; c < cols; c++) {
        dot += y.get(base + c) * gradY.get(base + c);
      }
      for (int c = 0; c < cols; c++) {
        gradX.set(base + c, y.get(base + c) * (gradY.get(base + c) - dot));
      }
    }
  }
}
