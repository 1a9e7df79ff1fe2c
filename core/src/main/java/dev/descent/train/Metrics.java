package dev.descent.train;

import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.loss.CrossEntropy;
import dev.descent.loss.Loss;
import dev.descent.tensor.Tensor;

/**
 * Classification accuracy. With one output column (binary), an example is predicted positive when
 * the output exceeds 0.5 and compared with its target rounded at 0.5; with several columns the
 * predicted class is the argmax, compared with the target's argmax (one-hot) or index (one column).
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
    int hits = 0;
    if (output.cols() == 1) {
      for (int r = 0; r < n; r++) {
        boolean predicted = output.get(r) > 0.5;
        boolean actual = target.get(r) > 0.5;
        hits += predicted == actual ? 1 : 0;
      }
      return hits;
    }
    for (int r = 0; r < n; r++) {
      int predicted = output.argmax(r);
      int actual = target.cols() == 1 ? (int) target.get(r) : target.argmax(r);
      hits += predicted == actual ? 1 : 0;
    }
    return hits;
  }

  /** The fraction of rows of {@code output} predicted correctly. */
  public static double accuracy(Tensor output, Tensor target) {
    return output.rows() == 0 ? Double.NaN : (double) correct(output, target) / output.rows();
  }
}
