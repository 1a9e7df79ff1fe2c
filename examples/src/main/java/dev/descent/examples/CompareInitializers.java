package dev.descent.examples;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.train.GradientDescents;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.SplittableRandom;

/**
 * Compares two initializers on the same data, repeated over seeds (one run proves nothing): all
 * zeros, which never break the symmetry between hidden units, and He initialization. Prints each
 * seed's test accuracy and the mean.
 */
public final class CompareInitializers {
  private CompareInitializers() {}

  /** The test accuracy of a 2-10-5-1 network on the circles, weights from {@code init}, data and weights from {@code seed}. */
  static double accuracy(String init, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset train = Datasets.circles(300, 0.05, 0.8, random.split(), DType.FLOAT32);
    Dataset test = Datasets.circles(100, 0.05, 0.8, random.split(), DType.FLOAT32);
    Sequential model = Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", init, "zeros");
    model.build(2, DType.FLOAT32, random.split());
    Trainer trainer = new Trainer(new Objective(model, Losses.resolve("binary_cross_entropy"), 0),
        Optimizers.resolve("sgd(lr=0.1, momentum=0.9)"), TrainingConfig.epochs(GradientDescents.resolve("minibatch(size=32)"), 100, seed));
    trainer.fit(train, null);
    return trainer.evaluate(test).accuracy();
  }

  /** Runs the example. */
  public static void main(String[] args) {
    for (String init : new String[] {"zeros", "he_normal"}) {
      double sum = 0;
      StringBuilder runs = new StringBuilder();
      for (long seed = 0; seed < 3; seed++) {
        double a = accuracy(init, seed);
        sum += a;
        runs.append(String.format(" %.3f", a));
      }
      System.out.printf("%-10s test accuracy per seed:%s  mean %.3f%n", init, runs, sum / 3);
    }
  }
}
