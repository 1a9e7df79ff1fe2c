package dev.descent.lab.experiments;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.lab.stats.Curve;
import dev.descent.lab.stats.Downsample;
import dev.descent.lab.stats.Stats;
import dev.descent.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batch, stochastic and mini-batch gradient descent (16, 32, 64, 128 examples per update) on the
 * same data, model, update rule and number of epochs: the trade-off between smooth, slow steps and
 * noisy, fast ones (Cloud Academy, "Getting Started With Deep Learning: Gradient Descent"; Ruder,
 * "An overview of gradient descent optimization algorithms", 2016).
 *
 * <p>Batch descent averages the gradient over every example and takes one step per epoch;
 * stochastic descent takes one step per example, each from a one-example estimate of the gradient;
 * mini-batches sit between. The report draws the loss against epochs, against updates and against
 * wall-clock time, and tabulates final accuracy, time and updates per epoch, mean ± standard
 * deviation over seeds.
 */
public final class GdVariantsExperiment implements Experiment {
  /** The variants compared, in order. */
  public static final List<String> VARIANTS = List.of("batch", "sgd", "minibatch(size=16)", "minibatch(size=32)",
      "minibatch(size=64)", "minibatch(size=128)");

  private static final String OPTIMIZER = "sgd(lr=0.1)";

  @Override
  public String name() {
    return "gd-variants";
  }

  @Override
  public String description() {
    return "batch vs stochastic vs mini-batch (16…128) gradient descent: loss per epoch, per update, per second";
  }

  @Override
  public int defaultSeeds() {
    return 3;
  }

  /** The model: 2-16-16-1, relu, sigmoid output, He initialization, float32. */
  public static ModelSpec model() {
    return new ModelSpec(new int[] {16, 16}, "relu", 1, "sigmoid", "he_normal", "zeros", "binary_cross_entropy", DType.FLOAT32);
  }

  @Override
  public Report run(ExperimentOptions options) {
    int trainSize = options.size(1000, 200);
    int testSize = options.size(500, 100);
    int epochs = options.size(60, 8);
    long[] seeds = options.seedList(defaultSeeds());
    List<List<TrainingRun.Result>> byVariant = new ArrayList<>();
    for (String variant : VARIANTS) {
      List<TrainingRun.Result> results = new ArrayList<>();
      for (long seed : seeds) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset train = Datasets.moons(trainSize, 0.2, random.split(), DType.FLOAT32);
        Dataset test = Datasets.moons(testSize, 0.2, random.split(), DType.FLOAT32);
        TrainingRun.Plan plan = new TrainingRun.Plan(variant + ", seed " + seed, model(), OPTIMIZER, variant, epochs, 0, seed);
        results.add(TrainingRun.run(plan, train, test, options.progress()));
      }
      byVariant.add(results);
    }

    List<Series> perEpoch = new ArrayList<>();
    List<Series> perUpdate = new ArrayList<>();
    List<Series> perSecond = new ArrayList<>();
    List<Series> accuracy = new ArrayList<>();
    Table.Builder summary = Table.builder("summary", "The trade-off, mean and standard deviation over seeds", "variant",
        "batch size", "updates/epoch", "updates", "train loss", "test acc", "test acc sd", "time (s)", "time sd",
        "ms/update");
    Table.Builder runs = Table.builder("runs", "Every run", "variant", "seed", "updates", "train loss", "train acc", "test acc",
        "time (s)", "failure");
    for (int v = 0; v < VARIANTS.size(); v++) {
      String variant = VARIANTS.get(v);
      List<TrainingRun.Result> results = byVariant.get(v);
      List<double[]> epochLoss = new ArrayList<>();
      List<double[]> testAcc = new ArrayList<>();
      List<double[]> seconds = new ArrayList<>();
      List<double[]> updateLoss = new ArrayList<>();
      double[] finalAcc = new double[results.size()];
      double[] finalLoss = new double[results.size()];
      double[] time = new double[results.size()];
      int updates = 0;
      for (int k = 0; k < results.size(); k++) {
        TrainingRun.Result r = results.get(k);
        epochLoss.add(r.history().epochLoss().toArray());
        testAcc.add(r.history().testAccuracy().toArray());
        seconds.add(r.history().epochSeconds().toArray());
        double[] loss = r.history().updateLoss().toArray();
        updates = loss.length;
        updateLoss.add(Downsample.logMeans(Downsample.counting(loss.length), loss, 300)[1]);
        finalAcc[k] = r.test().accuracy();
        finalLoss[k] = r.train().loss();
        time[k] = r.seconds();
        runs.row(variant, seeds[k], loss.length, r.train().loss(), r.train().accuracy(), r.test().accuracy(), r.seconds(),
            r.failure());
      }
      Curve lossCurve = Curve.of(epochLoss, 1);
      perEpoch.add(Series.band(variant, lossCurve.x(), lossCurve.mean(), lossCurve.lower(), lossCurve.upper()));
      Curve accCurve = Curve.of(testAcc, 1);
      accuracy.add(Series.band(variant, accCurve.x(), accCurve.mean(), accCurve.lower(), accCurve.upper()));
      Curve time0 = Curve.of(seconds, 1);
      perSecond.add(Series.line(variant, time0.mean(), lossCurve.mean()));
      double[] ux = Downsample.logMeans(Downsample.counting(updates), Downsample.counting(updates), 300)[0];
      Curve u = Curve.of(updateLoss, 1).withXPrefix(ux);
      perUpdate.add(Series.line(variant, u.x(), u.mean()));
      int perEpochUpdates = updates / Math.max(1, epochs);
      summary.row(variant, batchSize(variant, trainSize), perEpochUpdates, updates, Stats.mean(finalLoss), Stats.mean(finalAcc),
          Stats.std(finalAcc), Stats.mean(time), Stats.std(time), 1000 * Stats.mean(time) / Math.max(1, updates));
    }
    Figure epochsFigure = new Figure("loss-vs-epochs", "Training loss (mean over each epoch's batches) against epochs, mean "
        + "over seeds ± one standard deviation. Per epoch, more updates mean faster progress: batch descent takes one step "
        + "per epoch and is still high when stochastic descent has long converged.",
        Plot.xy("Loss against epochs", "epoch", "training loss", perEpoch).withLogY());
    Figure updatesFigure = new Figure("loss-vs-updates", "The loss of each update's own batch against the update count "
        + "(log scale), averaged in buckets. Per update, larger batches make better steps: the batch curve is smooth, "
        + "the one-example curve noisy.", Plot.xy("Loss against updates", "update", "batch loss", perUpdate).withLogX().withLogY());
    Figure timeFigure = new Figure("loss-vs-time", "Training loss against wall-clock seconds, mean over seeds: what a "
        + "step costs decides which variant gets there first.",
        Plot.xy("Loss against time", "seconds", "training loss", perSecond).withLogY());
    Figure accuracyFigure = new Figure("test-accuracy", "Test accuracy after each epoch, mean ± one standard deviation over seeds.",
        Plot.xy("Test accuracy against epochs", "epoch", "test accuracy", accuracy));
    return new Report.Builder(name(), "Batch, stochastic and mini-batch gradient descent")
        .summary("The same network, data, update rule (" + OPTIMIZER + ") and number of epochs, with the gradient averaged over "
                + "the whole training set (batch), one example (sgd) or 16 to 128 examples (mini-batch) per update.",
            "Batch descent is smooth but takes one step per epoch; stochastic descent takes many noisy steps; mini-batches "
                + "get most of both, and use the hardware better per example.")
        .parameter("data", "moons: " + trainSize + " train, " + testSize + " test, noise 0.2")
        .parameter("model", model().describe(2))
        .parameter("optimizer", OPTIMIZER)
        .parameter("epochs", epochs)
        .parameter("seeds", ExperimentOptions.describe(seeds))
        .section("Summary", List.of(), List.of(), List.of(summary.build()))
        .section("Loss", List.of(), List.of(epochsFigure, updatesFigure, timeFigure, accuracyFigure), List.of(runs.build()))
        .build("summary");
  }

  private static int batchSize(String variant, int n) {
    return dev.descent.train.GradientDescents.resolve(variant).batchSize(n);
  }
}
