package dev.descent.lab.experiments;

import dev.descent.check.DiagnosticWarning;
import dev.descent.check.LayerStatistics;
import dev.descent.check.TrainingDiagnostics;
import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.chart.Palette;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.lab.stats.Stats;
import dev.descent.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Vanishing and exploding signals in a deep fully connected network (20 hidden layers or more):
 * sigmoid, tanh, relu and leaky relu, each under a tiny normal (σ = 0.01), a standard normal
 * (σ = 1), Glorot and He initialization. {@link TrainingDiagnostics} measures, per layer, the
 * standard deviation of the activations and the norm of the weight gradient at initialization and
 * after training (Glorot and Bengio 2010; He et al. 2015; CS231n, "Neural Networks Part 2").
 *
 * <p>On logarithmic axes a healthy network is a flat line across the layers; a line falling
 * towards the input (gradients) or towards the output (activations) is vanishing, a rising one
 * exploding. Statistics of several seeds are combined by their geometric mean.
 */
public final class VanishingExperiment implements Experiment {
  /** The hidden activations compared. */
  public static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky_relu");
  /** The initializers compared. */
  public static final List<String> INITIALIZERS = List.of("random_normal(stddev=0.01)", "random_normal(stddev=1)",
      "glorot_normal", "he_normal");
  private static final String OPTIMIZER = "sgd(lr=0.01, momentum=0.9)";
  private static final String VARIANT = "minibatch(size=64)";

  @Override
  public String name() {
    return "vanishing";
  }

  @Override
  public String description() {
    return "a 20-hidden-layer network with sigmoid/tanh/relu/leaky_relu under four initializers: per-layer activations and gradients";
  }

  @Override
  public int defaultSeeds() {
    return 2;
  }

  /** The model: {@code depth} hidden layers of {@code width} units. */
  public static ModelSpec model(int depth, int width, String activation, String init) {
    int[] hidden = new int[depth];
    java.util.Arrays.fill(hidden, width);
    return new ModelSpec(hidden, activation, 1, "sigmoid", init, "zeros", "binary_cross_entropy", DType.FLOAT64);
  }

  /** One configuration's runs. */
  private record Config(String activation, String init, List<TrainingRun.Result> results, List<TrainingDiagnostics> diagnostics) {}

  @Override
  public Report run(ExperimentOptions options) {
    int depth = 20;
    int width = options.size(32, 16);
    int n = options.size(1000, 200);
    int epochs = options.size(10, 1);
    long[] seeds = options.seedList(defaultSeeds());
    List<Config> configs = new ArrayList<>();
    for (String activation : ACTIVATIONS) {
      for (String init : INITIALIZERS) {
        List<TrainingRun.Result> results = new ArrayList<>();
        List<TrainingDiagnostics> diagnostics = new ArrayList<>();
        for (long seed : seeds) {
          SplittableRandom random = new SplittableRandom(seed);
          Dataset train = Datasets.moons(n, 0.15, random.split(), DType.FLOAT64);
          Dataset test = Datasets.moons(n / 2, 0.15, random.split(), DType.FLOAT64);
          TrainingDiagnostics d = TrainingDiagnostics.of(train, w -> {});
          TrainingRun.Plan plan = new TrainingRun.Plan(activation + " + " + init + ", seed " + seed,
              model(depth, width, activation, init), OPTIMIZER, VARIANT, epochs, 0, seed);
          results.add(TrainingRun.run(plan, train, test, options.progress(), d));
          diagnostics.add(d);
        }
        configs.add(new Config(activation, init, results, diagnostics));
      }
    }

    Report.Builder report = new Report.Builder(name(), "Vanishing and exploding: " + depth + " hidden layers")
        .summary("A network of " + depth + " hidden layers of " + width + " units learns the moons with each hidden activation "
                + "under four initializations. For every layer, the figures show the spread (standard deviation) of its "
                + "activations and the norm of its weight gradient, at initialization (solid) and after training (dashed).",
            "Flat lines across the layers are healthy. With tiny weights the signal dies layer by layer; with standard-normal "
                + "weights sigmoid and tanh saturate (their gradients vanish) and relu activations grow by about √(fan_in/2) "
                + "per layer (explode). Glorot keeps tanh steady and He keeps relu steady.")
        .parameter("data", "moons: " + n + " train, " + n / 2 + " test, noise 0.15")
        .parameter("model", model(depth, width, "<activation>", "<initializer>").describe(2))
        .parameter("optimizer", OPTIMIZER)
        .parameter("variant", VARIANT)
        .parameter("epochs", epochs)
        .parameter("seeds", ExperimentOptions.describe(seeds));
    Table.Builder table = Table.builder("summary", "Per configuration: first and last layers at initialization, then training",
        "activation", "initializer", "act std L1", "act std L" + depth, "grad L1", "grad out", "grad L1/out", "dead",
        "saturated", "test acc", "warning");
    Table.Builder layers = Table.builder("layers", "Every layer, at initialization and after the last epoch (geometric mean over seeds)",
        "activation", "initializer", "when", "layer", "act mean", "act std", "dead", "saturated", "grad norm", "update ratio");
    for (String activation : ACTIVATIONS) {
      List<Series> stds = new ArrayList<>();
      List<Series> grads = new ArrayList<>();
      for (int i = 0; i < INITIALIZERS.size(); i++) {
        Config c = config(configs, activation, INITIALIZERS.get(i));
        List<List<LayerStatistics>> initial = c.diagnostics().stream().map(d -> d.rows(0)).toList();
        List<List<LayerStatistics>> last = c.diagnostics().stream().map(d -> d.rows(d.lastEpoch())).filter(r -> !r.isEmpty())
            .filter(r -> r.get(0).epoch() > 0).toList();
        double[] layerIndex = layerNumbers(initial);
        var color = Palette.color(i);
        stds.add(Series.line(c.init(), layerIndex, log10(geo(initial, LayerStatistics::activationStd))).withColor(color));
        grads.add(Series.line(c.init(), layerIndex, log10(geo(initial, LayerStatistics::gradientNorm))).withColor(color));
        if (!last.isEmpty()) {
          stds.add(new Series(c.init() + ", trained", layerIndex, log10(geo(last, LayerStatistics::activationStd)), null, null,
              Series.Style.DASHED, color));
          grads.add(new Series(c.init() + ", trained", layerIndex, log10(geo(last, LayerStatistics::gradientNorm)), null, null,
              Series.Style.DASHED, color));
        }
        addLayerRows(layers, c, "initialization", initial);
        if (!last.isEmpty()) {
          addLayerRows(layers, c, "epoch " + last.get(0).get(0).epoch(), last);
        }
        double[] std0 = geo(initial, LayerStatistics::activationStd);
        double[] grad0 = geo(initial, LayerStatistics::gradientNorm);
        double[] acc = c.results().stream().mapToDouble(r -> r.test().accuracy()).toArray();
        String warning = c.diagnostics().stream().flatMap(d -> d.warnings().stream()).findFirst()
            .map(w -> (w.kind() == DiagnosticWarning.Kind.VANISHING ? "vanishing" : "exploding") + " at layer " + w.layer()
                + (w.epoch() == 0 ? " at init" : " in epoch " + w.epoch()))
            .orElse(c.results().stream().anyMatch(TrainingRun.Result::failed) ? "diverged" : "");
        table.row(activation, c.init(), std0[0], std0[depth - 1], grad0[0], grad0[depth], grad0[0] / grad0[depth],
            meanOf(initial, LayerStatistics::deadFraction, depth), meanOf(initial, LayerStatistics::saturatedFraction, depth),
            Stats.mean(acc), warning);
      }
      Figure stdFigure = new Figure("activations-" + activation, "Standard deviation of each layer's " + activation
          + " outputs on 256 training examples, as a power of ten (−3 is 0.001), at initialization (solid) and after "
          + "training (dashed).",
          Plot.xy(activation + ": activation spread per layer", "layer", "log₁₀ std of activations", stds));
      Figure gradFigure = new Figure("gradients-" + activation, "Norm of each layer's weight gradient ‖∂J/∂W‖ as a power of "
          + "ten (layer " + (depth + 1) + " is the output layer), at initialization (solid) and averaged over the last epoch "
          + "(dashed).",
          Plot.xy(activation + ": gradient norm per layer", "layer", "log₁₀ ‖∂J/∂W‖", grads));
      report.section(activation, List.of(), List.of(stdFigure, gradFigure), List.of());
    }
    return report.section("Summary", List.of(), List.of(), List.of(table.build(), layers.build())).build("summary");
  }

  private static Config config(List<Config> configs, String activation, String init) {
    return configs.stream().filter(c -> c.activation().equals(activation) && c.init().equals(init)).findFirst().orElseThrow();
  }

  private static double[] layerNumbers(List<List<LayerStatistics>> runs) {
    return runs.get(0).stream().mapToDouble(LayerStatistics::layer).toArray();
  }

  /** The geometric mean over runs of {@code f} per layer (0 when any run has 0; NaN when any is not finite). */
  private static double[] geo(List<List<LayerStatistics>> runs, ToDoubleFunction<LayerStatistics> f) {
    int layers = runs.get(0).size();
    double[] out = new double[layers];
    for (int l = 0; l < layers; l++) {
      double logSum = 0;
      boolean zero = false;
      for (List<LayerStatistics> run : runs) {
        double v = f.applyAsDouble(run.get(l));
        zero |= v == 0;
        logSum += Math.log(v);
      }
      out[l] = zero ? 0 : Math.exp(logSum / runs.size());
    }
    return out;
  }

  private static double[] log10(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.log10(v[i]);
    }
    return out;
  }

  private static double meanOf(List<List<LayerStatistics>> runs, ToDoubleFunction<LayerStatistics> f, int hiddenLayers) {
    double sum = 0;
    int n = 0;
    for (List<LayerStatistics> run : runs) {
      for (int l = 0; l < hiddenLayers; l++) {
        sum += f.applyAsDouble(run.get(l));
        n++;
      }
    }
    return sum / n;
  }

  private static void addLayerRows(Table.Builder t, Config c, String when, List<List<LayerStatistics>> runs) {
    double[] mean = new double[runs.get(0).size()];
    for (int l = 0; l < mean.length; l++) {
      int layer = l;
      mean[l] = runs.stream().mapToDouble(r -> r.get(layer).activationMean()).average().orElse(Double.NaN);
    }
    double[] std = geo(runs, LayerStatistics::activationStd);
    double[] grad = geo(runs, LayerStatistics::gradientNorm);
    double[] ratio = geo(runs, LayerStatistics::updateRatio);
    for (int l = 0; l < mean.length; l++) {
      int layer = l;
      t.row(c.activation(), c.init(), when, l + 1, mean[l], std[l],
          runs.stream().mapToDouble(r -> r.get(layer).deadFraction()).average().orElse(Double.NaN),
          runs.stream().mapToDouble(r -> r.get(layer).saturatedFraction()).average().orElse(Double.NaN), grad[l], ratio[l]);
    }
  }
}
