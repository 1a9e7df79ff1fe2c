package dev.descent.lab.experiments;

import dev.descent.data.Dataset;
import dev.descent.data.IdxDatasets;
import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.lab.data.FashionMnist;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.lab.stats.Curve;
import dev.descent.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * A 784-256-128-10 network on Fashion-MNIST with He initialization and Adam (learning rate 0.001,
 * mini-batches of 128, 5 epochs), the configuration of the usual PyTorch tutorial, which reaches
 * about 0.88 test accuracy: the test accuracy after every epoch, then the same network with other
 * initializers (Adam fixed) and other optimizers (He fixed) for a shorter budget. Pixels are
 * scaled to [0, 1] and standardized with the mean and standard deviation of all training pixels
 * (0.2860 and 0.3530), as PyTorch's {@code transforms.Normalize} does in the usual tutorials.
 *
 * <p>With {@code --quick}, training uses the first 2,000 training and 1,000 test examples and
 * fewer epochs, so the pipeline can be checked in seconds (the tests run it on small IDX files
 * they write).
 */
public final class FashionMnistExperiment implements Experiment {
  /** The reference configuration's optimizer. */
  public static final String OPTIMIZER = "adam(lr=0.001)";
  /** The reference configuration's initializer. */
  public static final String INIT = "he_normal";
  /** The reference configuration's gradient-descent variant. */
  public static final String VARIANT = "minibatch(size=128)";
  /** The reference configuration's epochs. */
  public static final int EPOCHS = 5;

  private static final List<String> INITIALIZERS = List.of("he_normal", "glorot_uniform", "lecun_normal",
      "random_normal(stddev=1)", "zeros");
  private static final List<String> OPTIMIZERS = List.of("adam(lr=0.001)", "sgd(lr=0.01, momentum=0.9)", "rmsprop(lr=0.001)",
      "adagrad(lr=0.01)", "sgd(lr=0.01)");

  @Override
  public String name() {
    return "fashion-mnist";
  }

  @Override
  public String description() {
    return "784-256-128-10 on Fashion-MNIST, He + Adam for 5 epochs (test accuracy per epoch), then other initializers and optimizers";
  }

  @Override
  public int defaultSeeds() {
    return 1;
  }

  /** The model with weights from {@code init}. */
  public static ModelSpec model(String init) {
    return new ModelSpec(new int[] {256, 128}, "relu", 10, "softmax", init, "zeros", "cross_entropy", DType.FLOAT32);
  }

  @Override
  public Report run(ExperimentOptions options) {
    IdxDatasets.TrainTest data = FashionMnist.load(options.dataDir(), DType.FLOAT32);
    Dataset[] normalized = FashionMnist.normalize(options.quick() ? data.train().head(2000) : data.train(),
        options.quick() ? data.test().head(1000) : data.test());
    Dataset train = normalized[0];
    Dataset test = normalized[1];
    int epochs = options.size(EPOCHS, 2);
    int compareEpochs = options.size(2, 1);
    long[] seeds = options.seedList(defaultSeeds());

    List<TrainingRun.Result> main = new ArrayList<>();
    for (long seed : seeds) {
      main.add(TrainingRun.run(new TrainingRun.Plan("he + adam, seed " + seed, model(INIT), OPTIMIZER, VARIANT, epochs, 0, seed),
          train, test, options.progress()));
    }
    Table.Builder perEpoch = Table.builder("per-epoch", "He + Adam: after each epoch, mean over seeds", "epoch", "train loss",
        "train acc", "test loss", "test acc", "test acc sd", "seconds");
    Curve trainLoss = curve(main, r -> r.history().epochLoss().toArray());
    Curve trainAcc = curve(main, r -> r.history().epochAccuracy().toArray());
    Curve testLoss = curve(main, r -> r.history().testLoss().toArray());
    Curve testAcc = curve(main, r -> r.history().testAccuracy().toArray());
    Curve seconds = curve(main, r -> r.history().epochSeconds().toArray());
    for (int e = 0; e < testAcc.x().length; e++) {
      perEpoch.row(e + 1, trainLoss.mean()[e], trainAcc.mean()[e], testLoss.mean()[e], testAcc.mean()[e], testAcc.std()[e],
          seconds.mean()[e]);
    }
    Table.Builder runs = Table.builder("runs", "He + Adam, every seed", "seed", "epochs", "test acc", "train acc", "seconds",
        "failure");
    for (int k = 0; k < main.size(); k++) {
      TrainingRun.Result r = main.get(k);
      runs.row(seeds[k], r.history().epochs(), r.test().accuracy(), r.train().accuracy(), r.seconds(), r.failure());
    }
    Figure accuracyFigure = new Figure("test-accuracy", "Test accuracy after each epoch (10,000 test images unless --quick), "
        + "with the training accuracy over each epoch's batches for comparison; mean over seeds ± one standard deviation.",
        Plot.xy("He + Adam on Fashion-MNIST", "epoch", "accuracy", List.of(
            Series.band("test", testAcc.x(), testAcc.mean(), testAcc.lower(), testAcc.upper()),
            Series.band("train (during the epoch)", trainAcc.x(), trainAcc.mean(), trainAcc.lower(), trainAcc.upper()))));

    long seed = seeds[0];
    List<String> inits = options.quick() ? List.of("he_normal", "zeros") : INITIALIZERS;
    List<String> optimizers = options.quick() ? OPTIMIZERS.subList(0, 2) : OPTIMIZERS;
    Comparison byInit = compare("initializer", inits, s -> new TrainingRun.Plan("init " + s, model(s), OPTIMIZER, VARIANT,
        compareEpochs, 0, seed), train, test, options);
    Comparison byOptimizer = compare("optimizer", optimizers, s -> new TrainingRun.Plan("optimizer " + s, model(INIT), s, VARIANT,
        compareEpochs, 0, seed), train, test, options);

    double finalAccuracy = testAcc.lastMean();
    return new Report.Builder(name(), "Fashion-MNIST: a 784-256-128-10 network, He initialization and Adam")
        .summary(String.format(java.util.Locale.ROOT, "Test accuracy after %d epochs: %.4f (mean over %d seed%s). PyTorch reaches "
                + "about 0.88 with the same configuration.", epochs, finalAccuracy, seeds.length, seeds.length == 1 ? "" : "s"),
            "The comparisons train the same network for " + compareEpochs + " epoch" + (compareEpochs == 1 ? "" : "s")
                + " from seed " + seed + ": first with other initializers under Adam, then with other optimizers from He "
                + "initialization.")
        .parameter("data", String.format("Fashion-MNIST from %s: %d train, %d test images, pixels / 255, then standardized "
                + "with the mean and standard deviation of all training pixels",
            FashionMnist.directory(options.dataDir()), train.size(), test.size()))
        .parameter("model", model(INIT).describe(784))
        .parameter("optimizer", OPTIMIZER)
        .parameter("variant", VARIANT)
        .parameter("epochs", epochs)
        .parameter("comparison epochs", compareEpochs)
        .parameter("seeds", ExperimentOptions.describe(seeds))
        .section("He + Adam", List.of(), List.of(accuracyFigure), List.of(perEpoch.build(), runs.build()))
        .section("Initializers (Adam)", List.of(), byInit.figures(), List.of(byInit.table()))
        .section("Optimizers (He initialization)", List.of(), byOptimizer.figures(), List.of(byOptimizer.table()))
        .build("per-epoch");
  }

  private record Comparison(List<Figure> figures, Table table) {}

  private static Comparison compare(String what, List<String> specs, java.util.function.Function<String, TrainingRun.Plan> plan,
      Dataset train, Dataset test, ExperimentOptions options) {
    Table.Builder table = Table.builder("by-" + what, "Test accuracy by " + what, what, "test acc", "test loss", "train loss",
        "seconds", "failure");
    List<Series> curves = new ArrayList<>();
    List<Series> bars = new ArrayList<>();
    double[] finals = new double[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      TrainingRun.Result r = TrainingRun.run(plan.apply(specs.get(i)), train, test, options.progress());
      double[] acc = r.history().testAccuracy().toArray();
      curves.add(Series.line(specs.get(i), dev.descent.lab.stats.Downsample.counting(acc.length), acc)
          .withStyle(Series.Style.LINE_MARKERS));
      finals[i] = r.test().accuracy();
      table.row(specs.get(i), r.test().accuracy(), r.test().loss(), r.train().loss(), r.seconds(), r.failure());
    }
    bars.add(new Series("test accuracy", new double[specs.size()], finals, null, null, Series.Style.LINE, null));
    Figure curveFigure = new Figure("by-" + what + "-curves", "Test accuracy after each epoch for each " + what + ".",
        Plot.xy("Test accuracy by " + what, "epoch", "test accuracy", curves));
    Figure barFigure = new Figure("by-" + what, "Final test accuracy for each " + what + ".",
        Plot.bars("Final test accuracy by " + what, what, "test accuracy", specs, bars));
    return new Comparison(List.of(barFigure, curveFigure), table.build());
  }

  private static Curve curve(List<TrainingRun.Result> runs, java.util.function.Function<TrainingRun.Result, double[]> f) {
    return Curve.of(runs.stream().map(f).toList(), 1);
  }

  /** The final mean test accuracy of a report of this experiment. */
  public static double finalTestAccuracy(Report report) {
    double[] acc = report.table("per-epoch").numbers("test acc");
    return acc.length == 0 ? Double.NaN : acc[acc.length - 1];
  }

}
