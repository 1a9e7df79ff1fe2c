package dev.descent.cli;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.train.Evaluation;
import dev.descent.train.GradientDescent;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The classic initialization exercise (Ng, Deep Learning Specialization, course 2): two
 * concentric circles (300 training and 100 test points, noise 0.05, radius ratio 0.8, as
 * scikit-learn's {@code make_circles}), a 2-10-5-1 network (relu, relu, sigmoid), binary
 * cross-entropy, full-batch gradient descent with learning rate 0.01 for 15,000 updates, from three
 * initializations with zero biases: all zeros, a standard normal scaled by 10
 * ({@code random_normal(stddev=10)}), and He (a normal scaled by √(2/fan_in), PyTorch's
 * {@code kaiming_normal}).
 *
 * <p>Zeros cannot break symmetry: every hidden unit computes the same function, the output stays
 * constant, and accuracy stays at chance. Large random weights saturate the sigmoid and train
 * slowly. He keeps the activations' variance steady and fits the training set almost perfectly.
 */
final class InitializationExperiment {
  /** The three initializations, by name and spec. */
  static final List<String[]> SCHEMES = List.of(
      new String[] {"zeros", "zeros"},
      new String[] {"random x10", "random_normal(mean=0, stddev=10)"},
      new String[] {"he", "kaiming_normal"});

  /**
   * One initialization's outcome.
   *
   * @param name the scheme's name in the table
   * @param spec the initializer spec
   * @param history the training history
   * @param train the final training loss and accuracy
   * @param test the final test loss and accuracy
   */
  record Row(String name, String spec, History history, Evaluation train, Evaluation test) {}

  private InitializationExperiment() {}

  /** The training and test circles for {@code seed}. */
  static Dataset[] data(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset train = Datasets.circles(300, 0.05, 0.8, random.split(), DType.FLOAT64);
    Dataset test = Datasets.circles(100, 0.05, 0.8, random.split(), DType.FLOAT64);
    return new Dataset[] {train, test};
  }

  /** Runs every scheme for {@code updates} full-batch updates. */
  static List<Row> run(long seed, long updates) {
    Dataset[] data = data(seed);
    List<Row> rows = new ArrayList<>();
    for (String[] scheme : SCHEMES) {
      Sequential model = Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", scheme[1], "zeros");
      model.build(2, DType.FLOAT64, new SplittableRandom(seed));
      Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0);
      Trainer trainer = new Trainer(objective, Optimizers.resolve("sgd(lr=0.01)"),
          TrainingConfig.updates(new GradientDescent.Batch(), updates, seed));
      History history = trainer.fit(data[0], data[1]);
      rows.add(new Row(scheme[0], scheme[1], history, trainer.evaluate(data[0]), trainer.evaluate(data[1])));
    }
    return rows;
  }
}
