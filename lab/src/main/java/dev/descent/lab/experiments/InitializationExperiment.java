package dev.descent.lab.experiments;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.lab.progress.Progress;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.lab.stats.Curve;
import dev.descent.lab.stats.Downsample;
import dev.descent.lab.stats.Stats;
import dev.descent.tensor.DType;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The classic initialization exercise (Ng, Deep Learning Specialization, course 2, "Initialization"):
 * two concentric circles (300 training and 100 test points, noise 0.05, radius ratio 0.8, as
 * scikit-learn's {@code make_circles}), a 2-10-5-1 network (relu, relu, sigmoid), binary
 * cross-entropy, full-batch gradient descent with learning rate 0.01 for 15,000 updates, from three
 * initializations with zero biases: all zeros, a standard normal scaled by 10
 * ({@code random_normal(stddev=10)}), and He (a normal scaled by √(2/fan_in), PyTorch's
 * {@code kaiming_normal}). Repeated over seeds, each drawing its own data and weights.
 *
 * <p>Zeros cannot break symmetry: every hidden unit computes the same function, the output stays
 * constant, and accuracy stays at chance. Large random weights saturate the sigmoid and train
 * slowly. He keeps the activations' variance steady and fits the training set almost perfectly.
 * The report draws each scheme's decision boundary over the data, the cost curves with their
 * spread over seeds, and a table of mean ± standard deviation.
 */
public final class InitializationExperiment implements Experiment {
  /** Full-batch updates per run in the original exercise. */
  public static final long UPDATES = 15_000;

  /**
   * An initialization scheme of the exercise.
   *
   * @param name the name in tables and legends
   * @param spec the weight initializer spec
   */
  public record Scheme(String name, String spec) {}

  /** The three schemes, in the exercise's order. */
  public static final List<Scheme> SCHEMES = List.of(
      new Scheme("zeros", "zeros"),
      new Scheme("random x10", "random_normal(mean=0, stddev=10)"),
      new Scheme("he", "kaiming_normal"));

  /**
   * One scheme trained from one seed.
   *
   * @param scheme the scheme
   * @param seed the seed of data, weights and shuffles
   * @param result the run
   */
  public record Row(Scheme scheme, long seed, TrainingRun.Result result) {
    /** The scheme's name. */
    public String name() {
      return scheme.name();
    }

    /** The final training loss and accuracy. */
    public Evaluation train() {
      return result.train();
    }

    /** The final test loss and accuracy. */
    public Evaluation test() {
      return result.test();
    }

    /** The training history. */
    public History history() {
      return result.history();
    }
  }

  @Override
  public String name() {
    return "initialization";
  }

  @Override
  public String description() {
    return "zeros vs random×10 vs He on the circles (2-10-5-1, full-batch gradient descent): boundaries, costs, spread over seeds";
  }

  @Override
  public int defaultSeeds() {
    return 5;
  }

  /** The training and test circles for {@code seed}. */
  public static Dataset[] data(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset train = Datasets.circles(300, 0.05, 0.8, random.split(), DType.FLOAT64);
    Dataset test = Datasets.circles(100, 0.05, 0.8, random.split(), DType.FLOAT64);
    return new Dataset[] {train, test};
  }

  /** The 2-10-5-1 model with weights from {@code init}. */
  public static ModelSpec model(String init) {
    return new ModelSpec(new int[] {10, 5}, "relu", 1, "sigmoid", init, "zeros", "binary_cross_entropy", DType.FLOAT64);
  }

  /** Every scheme trained from {@code seed} for {@code updates} full-batch updates. */
  public static List<Row> runSeed(long seed, long updates, Progress progress) {
    Dataset[] data = data(seed);
    List<Row> rows = new ArrayList<>();
    for (Scheme s : SCHEMES) {
      TrainingRun.Plan plan = new TrainingRun.Plan(s.name() + ", seed " + seed, model(s.spec()), "sgd(lr=0.01)", "batch", 0,
          updates, seed);
      rows.add(new Row(s, seed, TrainingRun.run(plan, data[0], data[1], progress)));
    }
    return rows;
  }

  @Override
  public Report run(ExperimentOptions options) {
    long updates = options.updates() != null ? options.updates() : options.quick() ? 1500 : UPDATES;
    long[] seeds = options.seedList(defaultSeeds());
    List<List<Row>> bySeed = new ArrayList<>();
    for (long seed : seeds) {
      bySeed.add(runSeed(seed, updates, options.progress()));
    }
    Report.Builder report = new Report.Builder(name(), "Initialization: zeros, random ×10 and He on the circles")
        .summary("A 2-10-5-1 network (relu, relu, sigmoid) learns two concentric circles with full-batch gradient descent "
                + "from three initializations (Ng, Deep Learning Specialization, course 2). Zeros never break the symmetry "
                + "between hidden units and stay at chance; weights ten times a standard normal saturate the sigmoid and "
                + "learn slowly; He initialization (a normal scaled by √(2/fan_in)) fits the circles.",
            "Every seed draws its own data and weights, so the spread below is the spread of the outcome itself.")
        .parameter("data", "circles: 300 train, 100 test, noise 0.05, factor 0.8")
        .parameter("model", model("<scheme>").describe(2))
        .parameter("optimizer", "sgd(lr=0.01), full batch")
        .parameter("updates", updates)
        .parameter("seeds", ExperimentOptions.describe(seeds));

    List<Series> costs = new ArrayList<>();
    Table.Builder summary = Table.builder("summary", "Final values, mean and standard deviation over seeds", "init", "spec",
        "final cost", "cost sd", "train acc", "train acc sd", "test acc", "test acc sd", "time (s)");
    Table.Builder runs = Table.builder("runs", "Every run", "init", "seed", "final cost", "train acc", "test acc", "time (s)",
        "failure");
    for (int s = 0; s < SCHEMES.size(); s++) {
      Scheme scheme = SCHEMES.get(s);
      List<double[]> curves = new ArrayList<>();
      double[] cost = new double[seeds.length];
      double[] trainAcc = new double[seeds.length];
      double[] testAcc = new double[seeds.length];
      double[] time = new double[seeds.length];
      for (int k = 0; k < seeds.length; k++) {
        Row row = bySeed.get(k).get(s);
        double[] loss = row.history().updateLoss().toArray();
        curves.add(Downsample.means(Downsample.counting(loss.length), loss, 400)[1]);
        cost[k] = row.train().loss();
        trainAcc[k] = row.train().accuracy();
        testAcc[k] = row.test().accuracy();
        time[k] = row.result().seconds();
        runs.row(scheme.name(), seeds[k], cost[k], trainAcc[k], testAcc[k], time[k], row.result().failure());
      }
      double[] x = Downsample.means(Downsample.counting((int) updates), Downsample.counting((int) updates), 400)[0];
      Curve curve = Curve.of(curves, 1).withXPrefix(x);
      costs.add(Series.band(scheme.name(), curve.x(), curve.mean(), curve.lower(), curve.upper()));
      summary.row(scheme.name(), scheme.spec(), Stats.mean(cost), Stats.std(cost), Stats.mean(trainAcc), Stats.std(trainAcc),
          Stats.mean(testAcc), Stats.std(testAcc), Stats.mean(time));
    }
    Figure costFigure = new Figure("cost", "The training cost (binary cross-entropy) after every update, mean over seeds with "
        + "± one standard deviation shaded. Zeros stay at ln 2 = 0.693: the output never depends on the input.",
        Plot.xy("Cost during training", "update", "cost", costs).withLogY());
    List<Figure> boundaries = new ArrayList<>();
    int resolution = options.size(80, 40);
    for (Row row : bySeed.get(0)) {
      Dataset train = data(row.seed())[0];
      String title = String.format(java.util.Locale.ROOT, "%s: train accuracy %.3f", row.name(), row.train().accuracy());
      boundaries.add(new Figure("boundary-" + row.name().replace(' ', '-').replace("×", "x"), "Decision regions of the "
          + row.name() + " network after training (seed " + row.seed() + ") with the training points on top.",
          DecisionBoundary.plot(title, row.result().objective().model(), train, new double[] {-1.5, 1.5, -1.5, 1.5}, resolution)));
    }
    Table summaryTable = summary.build();
    return report
        .section("Results", List.of(), List.of(), List.of(summaryTable))
        .section("Decision boundaries", List.of("Where each network says \"inner circle\" (orange) and \"outer circle\" (blue)."),
            boundaries, List.of())
        .section("Cost", List.of(), List.of(costFigure), List.of(runs.build()))
        .build("summary");
  }
}
