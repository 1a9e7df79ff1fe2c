package dev.descent.lab.experiments;

import dev.descent.data.Dataset;
import dev.descent.lab.progress.Progress;
import dev.descent.lab.progress.ProgressTask;
import dev.descent.lab.progress.TrainingProgressCallback;
import dev.descent.optim.Optimizers;
import dev.descent.train.Evaluation;
import dev.descent.train.GradientDescent;
import dev.descent.train.GradientDescents;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingConfig;
import dev.descent.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;

/**
 * One training run of an experiment: a model, an optimizer and a gradient-descent variant trained
 * for a number of epochs (or updates) from one seed, which fixes the initial weights and the
 * shuffles. A run that diverges is kept as a result with its history so far and the reason, so one
 * bad configuration does not end the experiment. Stateless.
 */
public final class TrainingRun {
  private TrainingRun() {}

  /**
   * How to train.
   *
   * @param label a name for progress output
   * @param model the model
   * @param optimizer the optimizer spec
   * @param variant the gradient-descent variant spec
   * @param epochs epochs to run, or 0 when {@code updates} decides
   * @param updates updates to run, or 0
   * @param seed the seed of the weights and the shuffles
   */
  public record Plan(String label, ModelSpec model, String optimizer, String variant, int epochs, long updates, long seed) {}

  /**
   * What a run produced.
   *
   * @param plan what was run
   * @param objective the trained model and loss
   * @param history the recorded curves
   * @param train the final loss and accuracy on the training set (NaN when diverged)
   * @param test the final loss and accuracy on the test set (NaN when diverged or none)
   * @param seconds the wall time of training
   * @param failure why training stopped early with an error, or the empty string
   */
  public record Result(Plan plan, Objective objective, History history, Evaluation train, Evaluation test, double seconds,
      String failure) {
    /** Whether training diverged. */
    public boolean failed() {
      return !failure.isEmpty();
    }
  }

  /** Runs {@code plan} on {@code train}, evaluating on {@code test} (may be null) after each epoch. */
  public static Result run(Plan plan, Dataset train, Dataset test, Progress progress, TrainingCallback... callbacks) {
    Objective objective = plan.model().build(train.featureCount(), plan.seed());
    GradientDescent variant = GradientDescents.resolve(plan.variant());
    int batch = variant.batchSize(train.size());
    long perEpoch = (train.size() + batch - 1) / batch;
    long total = plan.updates() > 0 ? plan.updates() : plan.epochs() * perEpoch;
    List<TrainingCallback> all = new ArrayList<>(List.of(callbacks));
    long start = System.nanoTime();
    try (ProgressTask task = progress.start(plan.label(), total, "updates")) {
      all.add(new TrainingProgressCallback(task, plan.epochs()));
      TrainingConfig config = plan.updates() > 0
          ? TrainingConfig.updates(variant, plan.updates(), plan.seed())
          : TrainingConfig.epochs(variant, plan.epochs(), plan.seed());
      Trainer trainer = new Trainer(objective, Optimizers.resolve(plan.optimizer()), config.withCallbacks(all));
      History history = trainer.fit(train, test);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(plan, objective, history, trainer.evaluate(train), test == null ? nan() : trainer.evaluate(test),
          seconds, "");
    } catch (TrainingDivergedException e) {
      return new Result(plan, objective, e.history(), nan(), nan(), (System.nanoTime() - start) / 1e9, e.getMessage());
    }
  }

  private static Evaluation nan() {
    return new Evaluation(Double.NaN, Double.NaN);
  }
}
