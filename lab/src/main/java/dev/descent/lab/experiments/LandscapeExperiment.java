package dev.descent.lab.experiments;

import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.chart.Palette;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.lab.report.Figure;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.surface.CriticalPoint;
import dev.descent.optimizers.surface.SurfaceDescent;
import dev.descent.optimizers.surface.Surfaces;
import dev.descent.optimizers.surface.TestSurface;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Several optimizers from the same starting points on two-dimensional surfaces with local minima
 * and saddle points (the surfaces of {@code descent optimize}, from the optimizers module): which
 * reach the global minimum, which stall, and where. Plain gradient descent, momentum, Nesterov,
 * Adagrad, RMSprop and Adam run for a fixed number of steps from the surface's customary start and
 * from random starts (one per seed after the first) drawn uniformly in its window.
 *
 * <p>Each run's end point is classified against the surface's known stationary points: within 2%
 * of the window's diagonal of one, it reached that global minimum, local minimum or saddle; else
 * with a gradient norm below 1e-3 it found an unlisted stationary point (a local minimum when its
 * value is above the global one); else it escaped downhill (left the window with a lower value, on
 * a surface unbounded below), diverged (left the window otherwise, or not finite), or was still
 * moving when the budget ran out.
 */
public final class LandscapeExperiment implements Experiment {

  /**
   * A surface with the step sizes that suit it.
   *
   * @param spec the surface spec
   * @param sgdLr the learning rate of the gradient-scaled rules (gradient descent, momentum, Nesterov)
   * @param adaptiveLr the learning rate of the per-coordinate adaptive rules (Adagrad, RMSprop, Adam), whose steps do not scale with the gradient
   * @param steps the number of steps
   */
  public record Setup(String spec, double sgdLr, double adaptiveLr, int steps) {}

  /** The surfaces. */
  public static final List<Setup> SURFACES = List.of(
      new Setup("six_hump_camel", 0.01, 0.02, 600),
      new Setup("rastrigin", 0.002, 0.02, 600),
      new Setup("himmelblau", 0.005, 0.05, 600),
      new Setup("saddle", 0.02, 0.02, 100));

  /** The optimizers, as spec templates over the learning rate. */
  private static final Map<String, String> OPTIMIZERS = new LinkedHashMap<>();

  static {
    OPTIMIZERS.put("gradient descent", "sgd(lr=%s)");
    OPTIMIZERS.put("momentum", "sgd(lr=%s, momentum=0.9)");
    OPTIMIZERS.put("nesterov", "sgd(lr=%s, momentum=0.9, nesterov=true)");
    OPTIMIZERS.put("adagrad", "adagrad(lr=%s)");
    OPTIMIZERS.put("rmsprop", "rmsprop(lr=%s)");
    OPTIMIZERS.put("adam", "adam(lr=%s)");
  }

  /** What became of a run. */
  public enum Outcome {
    GLOBAL_MINIMUM("global minimum"), LOCAL_MINIMUM("local minimum"), SADDLE("stalled at saddle"),
    STATIONARY("other stationary point"), MOVING("still moving"), ESCAPED("escaped downhill"), DIVERGED("diverged");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** The label in tables. */
    public String label() {
      return label;
    }
  }

  @Override
  public String name() {
    return "landscape";
  }

  @Override
  public String description() {
    return "six optimizers from the same starts on surfaces with local minima and saddles: who reaches the global minimum, who stalls";
  }

  @Override
  public int defaultSeeds() {
    return 8;
  }

  @Override
  public Report run(ExperimentOptions options) {
    long[] seeds = options.seedList(defaultSeeds());
    Report.Builder report = new Report.Builder(name(), "Optimizers on landscapes with local minima and saddle points")
        .summary("Six update rules start from the same points on surfaces with several minima (six-hump camel, Rastrigin, "
                + "Himmelblau) and a saddle (x² − y²). The maps show the paths from the customary start; the tables classify "
                + "where every run from every start ended.",
            "Gradient descent stops wherever the gradient vanishes: in the nearest basin or on the saddle's ridge. Momentum "
                + "can roll over small bumps; adaptive rules take steps of similar size in every direction, which helps them "
                + "leave a saddle and can also carry them past a minimum.")
        .parameter("starts", "the customary start, then " + (seeds.length - 1) + " uniform in the window (seeds "
            + ExperimentOptions.describe(seeds) + ")")
        .parameter("optimizers", String.join(", ", OPTIMIZERS.values()).replace("%s", "γ")
            + " (γ per surface, below)");
    Table.Builder summary = Table.builder("summary", "Where the runs ended, by surface and optimizer (counts over starts)",
        "surface", "optimizer", "global", "local", "saddle", "other", "moving", "escaped", "diverged", "median f");
    Table.Builder runs = Table.builder("runs", "Every run", "surface", "optimizer", "spec", "start x", "start y", "end x", "end y",
        "f(end)", "‖∇f(end)‖", "outcome");
    for (Setup setup : SURFACES) {
      TestSurface surface = Surfaces.resolve(setup.spec());
      int steps = options.quick() ? setup.steps() / 5 : setup.steps();
      double[][] starts = starts(surface, seeds);
      report.parameter(setup.spec(), String.format(Locale.ROOT, "%d steps, lr %s (gradient-scaled) / %s (adaptive)", steps,
          setup.sgdLr(), setup.adaptiveLr()));
      List<Series> paths = new ArrayList<>();
      List<Series> values = new ArrayList<>();
      double fStar = globalValue(surface);
      int color = 0;
      for (Map.Entry<String, String> o : OPTIMIZERS.entrySet()) {
        boolean adaptive = !o.getValue().startsWith("sgd");
        String spec = String.format(Locale.ROOT, o.getValue(), adaptive ? setup.adaptiveLr() : setup.sgdLr());
        int[] counts = new int[Outcome.values().length];
        double[] finals = new double[starts.length];
        for (int s = 0; s < starts.length; s++) {
          SurfaceDescent run = new SurfaceDescent(surface, Optimizers.resolve(spec), starts[s][0], starts[s][1]);
          double[][] path = run.run(steps);
          double[] end = path[path.length - 1];
          Outcome outcome = classify(surface, starts[s], end);
          counts[outcome.ordinal()]++;
          finals[s] = end[2];
          double[] g = new double[2];
          surface.gradient(end[0], end[1], g);
          runs.row(setup.spec(), o.getKey(), spec, starts[s][0], starts[s][1], end[0], end[1], end[2], Math.hypot(g[0], g[1]),
              outcome.label());
          if (s == 0) {
            Color c = Palette.color(color);
            double[][] shown = clip(path, surface.window());
            paths.add(new Series(o.getKey(), shown[0], shown[1], null, null, Series.Style.LINE, c));
            double[] step = new double[path.length];
            double[] f = new double[path.length];
            for (int k = 0; k < path.length; k++) {
              step[k] = k;
              f[k] = Double.isNaN(fStar) ? path[k][2] : path[k][2] - fStar + 1e-12;
            }
            values.add(new Series(o.getKey(), step, f, null, null, Series.Style.LINE, c));
          }
        }
        color++;
        Arrays.sort(finals);
        summary.row(setup.spec(), o.getKey(), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
            finals[finals.length / 2]);
      }
      List<Series> map = new ArrayList<>(Levels.cells(surface, options.size(70, 40)));
      map.addAll(paths);
      map.addAll(markers(surface, starts[0]));
      double[] w = surface.window();
      Figure mapFigure = new Figure("map-" + setup.spec(), "Paths of every optimizer from the customary start ("
          + fmt(starts[0][0]) + ", " + fmt(starts[0][1]) + ") over the level sets of " + setup.spec()
          + " (light: low, dark: high); diamonds mark the known minima and saddles.",
          Plot.xy(setup.spec() + ": paths from the same start", "x", "y", map).withWindow(w[0], w[1], w[2], w[3]));
      Plot valuePlot = Plot.xy(setup.spec() + ": value along the path", "step",
          Double.isNaN(fStar) ? "f(x, y)" : "f(x, y) − f*", values);
      Figure valueFigure = new Figure("value-" + setup.spec(), Double.isNaN(fStar)
          ? "The value along each path from the customary start; the surface is unbounded below."
          : "The gap to the global minimum value f* along each path from the customary start (log scale): a plateau above "
              + "zero is a run stuck in a local minimum or at a saddle.", Double.isNaN(fStar) ? valuePlot : valuePlot.withLogY());
      report.section(setup.spec(), List.of(), List.of(mapFigure, valueFigure), List.of());
    }
    return report.section("Outcomes", List.of(), List.of(), List.of(summary.build(), runs.build())).build("summary");
  }

  /** The customary start, then one uniform start in the inner 80% of the window per further seed. */
  static double[][] starts(TestSurface surface, long[] seeds) {
    double[][] starts = new double[seeds.length][];
    starts[0] = surface.start().clone();
    double[] w = surface.window();
    for (int i = 1; i < seeds.length; i++) {
      SplittableRandom r = new SplittableRandom(seeds[i]);
      starts[i] = new double[] {w[0] + (w[1] - w[0]) * (0.1 + 0.8 * r.nextDouble()),
          w[2] + (w[3] - w[2]) * (0.1 + 0.8 * r.nextDouble())};
    }
    return starts;
  }

  /** Where a run from {@code start} that ended at {@code end} = {x, y, f} stands. */
  static Outcome classify(TestSurface surface, double[] start, double[] end) {
    double[] w = surface.window();
    double diagonal = Math.hypot(w[1] - w[0], w[3] - w[2]);
    if (!Double.isFinite(end[0]) || !Double.isFinite(end[1]) || !Double.isFinite(end[2])) {
      return Outcome.DIVERGED;
    }
    boolean outside = end[0] < w[0] - 0.5 * (w[1] - w[0]) || end[0] > w[1] + 0.5 * (w[1] - w[0])
        || end[1] < w[2] - 0.5 * (w[3] - w[2]) || end[1] > w[3] + 0.5 * (w[3] - w[2]);
    if (outside) {
      return end[2] < surface.value(start[0], start[1]) && Double.isNaN(globalValue(surface)) ? Outcome.ESCAPED : Outcome.DIVERGED;
    }
    for (CriticalPoint p : surface.criticalPoints()) {
      if (Math.hypot(end[0] - p.x(), end[1] - p.y()) <= 0.02 * diagonal) {
        return switch (p.kind()) {
          case GLOBAL_MINIMUM -> Outcome.GLOBAL_MINIMUM;
          case LOCAL_MINIMUM -> Outcome.LOCAL_MINIMUM;
          case SADDLE -> Outcome.SADDLE;
          case MAXIMUM -> Outcome.STATIONARY;
        };
      }
    }
    double[] g = new double[2];
    surface.gradient(end[0], end[1], g);
    if (Math.hypot(g[0], g[1]) < 1e-3) {
      double fStar = globalValue(surface);
      return !Double.isNaN(fStar) && end[2] > fStar + 1e-6 * (1 + Math.abs(fStar)) ? Outcome.LOCAL_MINIMUM : Outcome.STATIONARY;
    }
    return Outcome.MOVING;
  }

  /** The value at the first listed global minimum, or NaN when the surface lists none. */
  static double globalValue(TestSurface surface) {
    return surface.criticalPoints().stream().filter(p -> p.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM)
        .mapToDouble(p -> surface.value(p.x(), p.y())).findFirst().orElse(Double.NaN);
  }

  private static List<Series> markers(TestSurface surface, double[] start) {
    List<Series> s = new ArrayList<>();
    for (CriticalPoint.Kind kind : CriticalPoint.Kind.values()) {
      double[] xs = surface.criticalPoints().stream().filter(p -> p.kind() == kind).mapToDouble(CriticalPoint::x).toArray();
      double[] ys = surface.criticalPoints().stream().filter(p -> p.kind() == kind).mapToDouble(CriticalPoint::y).toArray();
      if (xs.length > 0) {
        String label = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        Color c = kind == CriticalPoint.Kind.GLOBAL_MINIMUM ? new Color(0x00a000)
            : kind == CriticalPoint.Kind.SADDLE ? new Color(0xd00000) : Color.DARK_GRAY;
        s.add(Series.points(label, xs, ys, Series.Style.MARKERS, c));
      }
    }
    s.add(Series.points("start", new double[] {start[0]}, new double[] {start[1]}, Series.Style.POINTS, Color.BLACK));
    return s;
  }

  /** The path up to and including its first point outside the window enlarged by half on each side. */
  private static double[][] clip(double[][] path, double[] w) {
    int n = 0;
    while (n < path.length) {
      double[] p = path[n++];
      if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || p[0] < 2 * w[0] - w[1] || p[0] > 2 * w[1] - w[0]
          || p[1] < 2 * w[2] - w[3] || p[1] > 2 * w[3] - w[2]) {
        break;
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = path[i][0];
      y[i] = path[i][1];
    }
    return new double[][] {x, y};
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
