package dev.descent.data;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Examples for supervised training: a {@code [n, features]} feature matrix and a {@code [n, k]}
 * target matrix with one row per example (k = 1 for a binary label, a regression target or an
 * integer class index; k classes for one-hot targets).
 *
 * @param features the inputs, one row per example
 * @param targets the targets, one row per example
 */
public record Dataset(Tensor features, Tensor targets) {

  public Dataset {
    if (features.rows() != targets.rows()) {
      throw new DescentException(String.format(
          "dataset: %d feature rows but %d target rows (shapes %s and %s)",
          features.rows(), targets.rows(), features.shape(), targets.shape()));
    }
    if (features.dtype() != targets.dtype()) {
      throw new DescentException("dataset: features and targets must have one dtype");
    }
  }

  /** The number of examples. */
  public int size() {
    return features.rows();
  }

  /** The number of input features. */
  public int featureCount() {
    return features.cols();
  }

  /** This dataset in {@code dtype} (itself when it already is). */
  public Dataset to(DType dtype) {
    return dtype == features.dtype() ? this : new Dataset(features.copy(dtype), targets.copy(dtype));
  }

  /** The examples at {@code indices}, in that order, as a new dataset. */
  public Dataset select(int[] indices) {
    Tensor x = Tensor.zeros(features.dtype(), indices.length, features.cols());
    Tensor y = Tensor.zeros(targets.dtype(), indices.length, targets.cols());
    features.gatherRows(indices, 0, indices.length, x);
    targets.gatherRows(indices, 0, indices.length, y);
    return new Dataset(x, y);
  }

  /** The first {@code n} examples, as a new dataset; this dataset itself when it has no more than n. */
  public Dataset head(int n) {
    return size() <= n ? this : select(Shuffle.identity(n));
  }

  /**
   * Splits into a training and a test set after shuffling with {@code random}; the test set holds
   * {@code round(testFraction·n)} examples.
   */
  public Split split(double testFraction, RandomGenerator random) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new DescentException("test fraction must be in (0, 1), got " + testFraction);
    }
    int[] order = Shuffle.permutation(size(), random);
    int test = (int) Math.round(testFraction * size());
    if (test < 1 || test > size() - 1) {
      throw new DescentException(String.format(
          "a test fraction of %s of %d examples leaves an empty training or test set", testFraction, size()));
    }
    return new Split(
        select(java.util.Arrays.copyOfRange(order, test, order.length)),
        select(java.util.Arrays.copyOfRange(order, 0, test)));
  }

  /**
   * A training and a test set.
   *
   * @param train the training examples
   * @param test the held-out examples
   */
  public record Split(Dataset train, Dataset test) {}
}
