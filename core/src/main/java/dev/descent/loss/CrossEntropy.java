package dev.descent.loss;

import dev.descent.nn.Activation;
import dev.descent.nn.Softmax;
import dev.descent.tensor.Shapes;
import dev.descent.tensor.Tensor;

/**
 * Softmax cross-entropy from logits, averaged over the n rows of a batch (PyTorch
 * {@code CrossEntropyLoss}): for row r with logits z and target distribution t,
 * L_r = logΣ_j exp(z_j) − Σ_j t_j·z_j, and ∂L/∂z_j = (softmax(z)_j − t_j)/n.
 *
 * <p>Targets are either one-hot (or any distribution) with one column per class, or one column of
 * integer class indices (Keras's {@code sparse_categorical_crossentropy}). A model ending in a
 * softmax layer is trained from the softmax's input ({@link #fusedWith}); a model ending in a
 * linear layer gives logits directly.
 */
public record CrossEntropy() implements Loss {
  static final String FORMULA =
      "L = mean over rows of (logsumexp(z) − Σ t·z), z the logits; one-hot or integer labels (PyTorch CrossEntropyLoss)";

  @Override
  public String name() {
    return "cross_entropy";
  }

  @Override
  public Loss fusedWith(Activation outputActivation) {
    return outputActivation instanceof Softmax ? this : null;
  }

  @Override
  public void checkTarget(Tensor output, Tensor target) {
    if (target.rows() != output.rows() || (target.cols() != output.cols() && target.cols() != 1)) {
      throw Shapes.error(name(), "targets of shape %s do not fit outputs of shape %s (give one-hot targets or one column of class indices)",
        target.shape(), output.shape());
    }
    if (isIndexTarget(output, target)) {
      for (int r = 0; r < target.rows(); r++) {
        double label = target.get(r);
        if (label != Math.rint(label) || label < 0 || label >= output.cols()) {
          throw new dev.descent.DescentException(String.format(
              "cross_entropy: label %s in row %d is not a class index in [0, %d)", label, r, output.cols()));
        }
      }
    }
  }

  private static boolean isIndexTarget(Tensor output, Tensor target) {
    return target.cols() == 1 && output.cols() > 1;
  }

  @Override
  public double value(Tensor output, Tensor target) {
    checkTarget(output, target);
    int cols = output.cols();
    boolean indices = isIndexTarget(output, target);
    double total = 0;
    for (int r = 0; r < output.rows(); r++) {
      total += rowLoss(output, target, r, cols, indices, logSumExp(output, r * cols, cols));
    }
    return total / output.rows();
  }

  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    int cols = output.cols();
    boolean indices = isIndexTarget(output, target);
    double n = output.rows();
    for (int r = 0; r < output.rows(); r++) {
      rowGradient(output, target, r, cols, indices, logSumExp(output, r * cols, cols), n, grad);
    }
  }

  /** One pass: each row's log-sum-exp is computed once for both the loss and the softmax. */
  @Override
  public double valueAndGradient(Tensor output, Tensor target, Tensor grad) {
    checkTarget(output, target);
    int cols = output.cols();
    boolean indices = isIndexTarget(output, target);
    double n = output.rows();
    double total = 0;
    for (int r = 0; r < output.rows(); r++) {
      double lse = logSumExp(output, r * cols, cols);
      total += rowLoss(output, target, r, cols, indices, lse);
      rowGradient(output, target, r, cols, indices, lse, n, grad);
    }
    return total / output.rows();
  }

  /** L_r = lse − z[label], or Σ_j t_j·(lse − z_j). */
  private static double rowLoss(Tensor output, Tensor target, int r, int cols, boolean indices, double lse) {
    int base = r * cols;
    if (indices) {
      return lse - output.get(base + (int) target.get(r));
    }
    double loss = 0;
    for (int c = 0; c < cols; c++) {
      loss += target.get(base + c) * (lse - output.get(base + c));
    }
    return loss;
  }

  /** grad_j = (s·softmax(z)_j − t_j)/n with s = Σ_j t_j (1 for a label), softmax(z)_j = exp(z_j − lse). */
  private static void rowGradient(Tensor output, Tensor target, int r, int cols, boolean indices, double lse, double n,
      Tensor grad) {
    int base = r * cols;
    double targetSum = 0;
    if (!indices) {
      for (int c = 0; c < cols; c++) {
        targetSum += target.get(base + c);
      }
    }
    int label = indices ? (int) target.get(r) : -1;
    for (int c = 0; c < cols; c++) {
      double p = Math.exp(output.get(base + c) - lse);
      double t = indices ? (c == label ? 1 : 0) : target.get(base + c);
      double scale = indices ? 1 : targetSum;
      grad.set(base + c, (scale * p - t) / n);
    }
  }

  private static double logSumExp(Tensor t, int base, int cols) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < cols; c++) {
      max = Math.max(max, t.get(base + c));
    }
    double sum = 0;
    for (int c = 0; c < cols; c++) {
      sum += Math.exp(t.get(base + c) - max);
    }
    return max + Math.log(sum);
  }
}
