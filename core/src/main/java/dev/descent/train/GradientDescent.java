package dev.descent.train;

/**
 * A gradient-descent variant: how many examples each update sees. Independent of the update rule
 * ({@link dev.descent.optim.Optimizer}), so any optimizer runs under any variant.
 *
 * <ul>
 *   <li>{@code batch}: every update averages the gradient over the whole training set, one update
 *       per epoch; smooth and slow.
 *   <li>{@code sgd}: stochastic gradient descent, one example per update, n updates per epoch;
 *       noisy and fast.
 *   <li>{@code minibatch(size=b)}: b examples per update (often a power of two), ⌈n/b⌉ updates per
 *       epoch, the last one shorter when b does not divide n.
 * </ul>
 *
 * Examples are reshuffled every epoch from the training seed. Implementations are immutable.
 */
public interface GradientDescent {

  /** The spec that names this variant, such as {@code minibatch(size=32)}. */
  String spec();

  /** The number of examples per update for a training set of {@code datasetSize} examples. */
  int batchSize(int datasetSize);

  /** The whole training set per update. */
  record Batch() implements GradientDescent {
    @Override
    public String spec() {
      return "batch";
    }

    @Override
    public int batchSize(int datasetSize) {
      return datasetSize;
    }
  }

  /** One example per update. */
  record Stochastic() implements GradientDescent {
    @Override
    public String spec() {
      return "sgd";
    }

    @Override
    public int batchSize(int datasetSize) {
      return 1;
    }
  }

  /**
   * {@code size} examples per update (the whole set when it has fewer).
   *
   * @param size examples per update, ≥ 1
   */
  record MiniBatch(int size) implements GradientDescent {
    public MiniBatch {
      dev.descent.spec.Arguments.atLeast("minibatch", "size", size, 1);
    }

    @Override
    public String spec() {
      return "minibatch(size=" + size + ")";
    }

    @Override
    public int batchSize(int datasetSize) {
      return Math.min(size, datasetSize);
    }
  }
}
