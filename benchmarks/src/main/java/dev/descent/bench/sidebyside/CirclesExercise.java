package dev.descent.bench.sidebyside;

import dev.descent.data.Dataset;
import dev.descent.data.NpyWriter;
import dev.descent.lab.experiments.InitializationExperiment;
import dev.descent.optim.Optimizers;
import dev.descent.train.GradientDescents;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.nio.file.Path;

/**
 * The 2-10-5-1 exercise exactly as {@link InitializationExperiment} trains its He run: the same
 * circles (300 training points), the same model (relu, relu, sigmoid; binary cross-entropy on the
 * logits; weights {@code kaiming_normal}, biases zero; float64), full-batch gradient descent with
 * learning rate 0.01 for {@value InitializationExperiment#UPDATES} updates. Only training is timed,
 * from the first update to the last; building the model and the data is not.
 */
public final class CirclesExercise {
  private CirclesExercise() {}

  /** The He scheme's weight initializer spec in the experiment. */
  static final String INIT = "kaiming_normal";

  /** The optimizer of the experiment. */
  static final String OPTIMIZER = "sgd(lr=0.01)";

  /**
   * One timed training run.
   *
   * @param seconds the wall time of training
   * @param finalCost the cost at the last update
   */
  public record Run(double seconds, double finalCost) {}

  /** The experiment's training set for {@code seed}. */
  public static Dataset data(long seed) {
    return InitializationExperiment.data(seed)[0];
  }

  /** Writes {@code data} as {@code X.npy} ([300, 2]) and {@code Y.npy} ([300, 1]), float64, into {@code dir}. */
  public static void write(Dataset data, Path dir) {
    NpyWriter.write(data.features(), dir.resolve("X.npy"));
    NpyWriter.write(data.targets(), dir.resolve("Y.npy"));
  }

  /** Trains a fresh model, its weights drawn from {@code seed}, for {@code updates} updates on {@code data}. */
  public static Run train(Dataset data, long seed, long updates) {
    Objective objective = InitializationExperiment.model(INIT).build(data.featureCount(), seed);
    Trainer trainer = new Trainer(objective, Optimizers.resolve(OPTIMIZER),
        TrainingConfig.updates(GradientDescents.resolve("batch"), updates, seed));
    long start = System.nanoTime();
    History history = trainer.fit(data, null);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(seconds, history.updateLoss().last());
  }
}
