package dev.descent.train;

import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.Kernels;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.loss.CrossEntropy;
import dev.descent.loss.Loss;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;

/**
 * Classification accuracy. With one output column (binary), an example is predicted positive when
 * the output exceeds 0.5 and compared with its target rounded at 0.5; with several columns the
 * predicted class is the argmax, compared with the target's argmax (one-hot) or index (one column).
 * Under binary cross-entropy with several columns (multi-label), each column is its own label.
 * Stateless.
 */
public final class Metrics {
  private Metrics() {}

  /** Whether accuracy means something for {@code loss}: binary or softmax cross-entropy. */
  public static boolean isClassification(Loss loss) {
    return loss instanceof BinaryCrossEntropy || loss instanceof CrossEntropy;
  }

  /** The number of rows of {@code output} predicted correctly. */
  public static int correct(Tensor output, Tensor target) {
    int n = output.rows();
    if (output.cols() == 1) {
      return thresholdHits(output, target);
    }
    int hits = 0;
    for (int r = 0; r < n; r++) {
      int predicted = output.argmax(r);
      int actual = target.cols() == 1 ? (int) target.get(r) : target.argmax(r);
      hits += predicted == actual ? 1 : 0;
    }
    return hits;
  }

  /**
   * The number of correct predictions under {@code loss}: for binary cross-entropy every output
   * column is a separate yes/no label, thresholded at 0.5 (Keras's {@code binary_accuracy}); for
   * cross-entropy every row is one class, its argmax.
   */
  public static int correct(Loss loss, Tensor output, Tensor target) {
    if (loss instanceof BinaryCrossEntropy) {
      return thresholdHits(output, target);
    }
    return correct(output, target);
  }

  /**
   * The elements where {@code output} and {@code target} fall on the same side of 0.5 (above it, or
   * not), counted by the selected kernel's {@link ElementwiseKernels#thresholdAgreements} over the
   * raw arrays when both are float64 or both float32: this runs after every update of training.
   */
  private static int thresholdHits(Tensor output, Tensor target) {
    int n = output.size();
    if (output.dtype() == DType.FLOAT64 && target.dtype() == DType.FLOAT64) {
      return Kernels.elementwise().thresholdAgreements(output.doubles(), target.doubles(), 0.5, 0, n);
    }
    if (output.dtype() == DType.FLOAT32 && target.dtype() == DType.FLOAT32) {
      return Kernels.elementwise().thresholdAgreements(output.floats(), target.floats(), 0.5f, 0, n);
    }
    int hits = 0;
    for (int i = 0; i < n; i++) {
      hits += (output.get(i) > 0.5) == (target.get(i) > 0.5) ? 1 : 0;
    }
    return hits;
  }

  /** The number of predictions {@link #correct(Loss, Tensor, Tensor)} counts for {@code output}. */
  public static int predictions(Loss loss, Tensor output) {
    return loss instanceof BinaryCrossEntropy ? output.size() : output.rows();
  }

  /** The accuracy under {@code loss}, or NaN when the loss is not a classification loss. */
  public static double accuracy(Loss loss, Tensor output, Tensor target) {
    if (!isClassification(loss) || output.rows() == 0) {
      return Double.NaN;
    }
    return (double) correct(loss, output, target) / predictions(loss, output);
  }

  /** The fraction of rows of {@code output} predicted correctly. */
  public static double accuracy(Tensor output, Tensor target) {
    return output.rows() == 0 ? Double.NaN : (double) correct(output, target) / output.rows();
  }
}
