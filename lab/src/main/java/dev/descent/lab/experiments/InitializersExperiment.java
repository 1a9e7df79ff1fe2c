package dev.descent.lab.experiments;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.data.Standardizer;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.lab.stats.Curve;
import dev.descent.lab.stats.Stats;
import dev.descent.spec.Provider;
import dev.descent.spec.Registry;
import dev.descent.tensor.DType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every registered initializer (plugins included) on one small problem, repeated over seeds: a
 * network with four inputs and one sigmoid output (a single dense layer, as in the Zero to Deep
 * Learning course's exercise on the four-feature banknote data), trained with a fixed optimizer,
 * batch size and number of epochs. The data (two overlapping Gaussian blobs in four dimensions,
 * standardized) stay the same; each seed draws new initial weights and a new shuffle.
 *
 * <p>The lesson of the exercise is the spread: one run proves nothing, since the same initializer
 * can win one run and lose the next. The report draws loss and accuracy curves per initializer
 * with their spread over seeds and ranks the initializers by mean final test accuracy, with the
 * standard deviation, the range and how often each was the best (ties count for all).
 */
public final class InitializersExperiment implements Experiment {
  private static final String OPTIMIZER = "sgd(lr=0.01)";
  private static final String VARIANT = "minibatch(size=16)";

  @Override
  public String name() {
    return "initializers";
  }

  @Override
  public String description() {
    return "every registered initializer on a 4-input, 1-sigmoid-output network: curves with spread, ranking, how often each won";
  }

  @Override
  public int defaultSeeds() {
    return 10;
  }

  /** The model: four inputs, one sigmoid output, weights from {@code init}. */
  public static ModelSpec model(String init) {
    return new ModelSpec(new int[0], "relu", 1, "sigmoid", init, "zeros", "binary_cross_entropy", DType.FLOAT32);
  }

  @Override
  public Report run(ExperimentOptions options) {
    int n = options.size(1372, 300);
    int epochs = options.size(10, 2);
    long[] seeds = options.seedList(defaultSeeds());
    Dataset.Split split = data(n, options.seed());
    Registry<Initializer> registry = Initializers.registry();

    List<Outcome> outcomes = new ArrayList<>();
    for (Provider<Initializer> p : registry.providers()) {
      Outcome o = new Outcome(p.name(), Registry.source(p));
      for (long seed : seeds) {
        TrainingRun.Plan plan = new TrainingRun.Plan(p.name() + ", seed " + seed, model(p.name()), OPTIMIZER, VARIANT, epochs, 0, seed);
        try {
          o.results.add(TrainingRun.run(plan, split.train(), split.test(), options.progress()));
        } catch (DescentException e) {
          o.error = e.getMessage();
          break;
        }
      }
      outcomes.add(o);
    }
    int[] wins = wins(outcomes, seeds.length);
    List<Series> loss = new ArrayList<>();
    List<Series> accuracy = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.error != null) {
        continue;
      }
      Curve l = Curve.of(o.results.stream().map(r -> r.history().epochLoss().toArray()).toList(), 1);
      Curve a = Curve.of(o.results.stream().map(r -> r.history().testAccuracy().toArray()).toList(), 1);
      loss.add(Series.band(o.name, l.x(), l.mean(), l.lower(), l.upper()));
      accuracy.add(Series.band(o.name, a.x(), a.mean(), a.lower(), a.upper()));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> {
      double m = outcomes.get(i).mean();
      return Double.isNaN(m) ? Double.POSITIVE_INFINITY : -m;
    }).thenComparing(i -> outcomes.get(i).name));
    Table.Builder ranking = Table.builder("ranking", "Initializers ranked by mean final test accuracy", "rank", "initializer",
        "from", "test acc", "sd", "min", "max", "final loss", "loss sd", "times best", "share best", "note");
    List<String> categories = new ArrayList<>();
    double[] means = new double[outcomes.size()];
    double[] lower = new double[outcomes.size()];
    double[] upper = new double[outcomes.size()];
    int rank = 0;
    for (int i : order) {
      Outcome o = outcomes.get(i);
      double[] acc = o.finals(true);
      double[] fl = o.finals(false);
      String note = o.error != null ? "failed: " + o.error : o.failures() > 0 ? o.failures() + " run(s) diverged" : "";
      ranking.row(o.error != null ? null : ++rank, o.name, o.source, Stats.mean(acc), Stats.std(acc), Stats.min(acc),
          Stats.max(acc), Stats.mean(fl), Stats.std(fl), wins[i], (double) wins[i] / seeds.length, note);
      if (o.error == null) {
        categories.add(o.name);
        int k = categories.size() - 1;
        means[k] = Stats.mean(acc);
        lower[k] = means[k] - Stats.std(acc);
        upper[k] = means[k] + Stats.std(acc);
      }
    }
    int shown = categories.size();
    Series bars = new Series("test accuracy", new double[shown], java.util.Arrays.copyOf(means, shown),
        java.util.Arrays.copyOf(lower, shown), java.util.Arrays.copyOf(upper, shown), Series.Style.LINE, null);
    double lowest = Stats.min(java.util.Arrays.copyOf(lower, shown));
    Figure ranks = new Figure("ranking", "Mean final test accuracy per initializer, best first, with ± one standard deviation "
        + "over seeds as error bars. Overlapping bars are a reminder that a single run would rank them differently.",
        Plot.bars("Final test accuracy by initializer", "initializer", "test accuracy", categories, List.of(bars))
            .withWindow(0, 1, Double.isNaN(lowest) ? 0 : Math.max(0, Math.floor(lowest * 20) / 20), 1));
    Figure lossFigure = new Figure("loss", "Training loss per epoch for every initializer, mean over seeds with ± one standard "
        + "deviation shaded.", Plot.xy("Training loss by initializer", "epoch", "training loss", loss));
    Figure accFigure = new Figure("accuracy", "Test accuracy after each epoch for every initializer, mean over seeds with ± one "
        + "standard deviation shaded.", Plot.xy("Test accuracy by initializer", "epoch", "test accuracy", accuracy));
    Table.Builder runs = Table.builder("runs", "Every run", "initializer", "seed", "test acc", "final loss", "failure");
    for (Outcome o : outcomes) {
      for (int k = 0; k < o.results.size(); k++) {
        TrainingRun.Result r = o.results.get(k);
        runs.row(o.name, seeds[k], r.test().accuracy(), r.train().loss(), r.failure());
      }
    }
    return new Report.Builder(name(), "Every initializer, repeated over seeds")
        .summary("A network with four inputs and one sigmoid output learns the same data from every registered initializer ("
                + outcomes.size() + ", plugins included), with the optimizer, batch size and number of epochs fixed. Each seed "
                + "draws new initial weights and a new shuffle of the same data.",
            "One run proves nothing: the same initializer can win one run and lose the next. Read the spread and the "
                + "\"times best\" column before the ranking.")
        .parameter("data", String.format("two Gaussian blobs in 4 dimensions (std 1, centres in [-2, 2]⁴), standardized: "
            + "%d train, %d test, seed %d", split.train().size(), split.test().size(), options.seed()))
        .parameter("model", model("<each initializer>").describe(4))
        .parameter("optimizer", OPTIMIZER)
        .parameter("variant", VARIANT)
        .parameter("epochs", epochs)
        .parameter("seeds", ExperimentOptions.describe(seeds))
        .section("Ranking", List.of(), List.of(ranks), List.of(ranking.build()))
        .section("Curves", List.of(), List.of(lossFigure, accFigure), List.of(runs.build()))
        .build("ranking");
  }

  /** The standardized training and test sets (73% / 27%, as the banknote data's 1,000 / 372), fixed by {@code seed}. */
  static Dataset.Split data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset all = Datasets.blobs(n, 4, 2, 1.0, 2.0, random.split(), DType.FLOAT32);
    Dataset.Split split = all.split(0.27, random.split());
    Standardizer s = Standardizer.fit(split.train().features());
    return new Dataset.Split(s.apply(split.train()), s.apply(split.test()));
  }

  /** For each initializer, on how many seeds its final test accuracy was the best (ties count for every winner). */
  private static int[] wins(List<Outcome> outcomes, int seeds) {
    int[] wins = new int[outcomes.size()];
    for (int k = 0; k < seeds; k++) {
      double best = Double.NEGATIVE_INFINITY;
      for (Outcome o : outcomes) {
        if (o.error == null && k < o.results.size() && o.results.get(k).test().accuracy() > best) {
          best = o.results.get(k).test().accuracy();
        }
      }
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome o = outcomes.get(i);
        if (o.error == null && k < o.results.size() && o.results.get(k).test().accuracy() == best) {
          wins[i]++;
        }
      }
    }
    return wins;
  }

  /** One initializer's runs, or why it could not run. */
  private static final class Outcome {
    final String name;
    final String source;
    final List<TrainingRun.Result> results = new ArrayList<>();
    String error;

    Outcome(String name, String source) {
      this.name = name;
      this.source = source;
    }

    double[] finals(boolean accuracy) {
      return results.stream().mapToDouble(r -> accuracy ? r.test().accuracy() : r.train().loss()).toArray();
    }

    double mean() {
      return error != null ? Double.NaN : Stats.mean(finals(true));
    }

    long failures() {
      return results.stream().filter(TrainingRun.Result::failed).count();
    }
  }
}
