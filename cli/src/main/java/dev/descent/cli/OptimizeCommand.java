package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.clip.Clippers;
import dev.descent.optimizers.clip.GradientClipper;
import dev.descent.optimizers.schedule.LearningRateSchedule;
import dev.descent.optimizers.schedule.Schedules;
import dev.descent.optimizers.surface.CriticalPoint;
import dev.descent.optimizers.surface.SurfaceDescent;
import dev.descent.optimizers.surface.Surfaces;
import dev.descent.optimizers.surface.TestSurface;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code descent optimize}: runs update rules on a two-dimensional test surface in float64 from one
 * start and prints where each ended, next to the surface's known minima and saddle points; writes
 * the paths as CSV ({@code optimizer,step,x,y,loss}; step 0 is the start) and plots them over the
 * surface's contours.
 */
@Command(name = "optimize", description = "Run optimizers on a 2-D test surface (rosenbrock, beale, himmelblau, ...).")
final class OptimizeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--function", paramLabel = "NAME", required = true, description = "The surface (see 'descent list surfaces').")
  String function;

  @Option(names = "--start", paramLabel = "X,Y", split = ",", description = "The start (default: the surface's customary one).")
  double[] start;

  @Option(names = "--optimizer", paramLabel = "SPEC", required = true, description = "An update rule; repeat to compare several.")
  List<String> optimizers;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "500", description = "Updates per optimizer (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--schedule", paramLabel = "SPEC", description = "Learning-rate schedule; every step is one update and one epoch.")
  String schedule;

  @Option(names = "--clip", paramLabel = "SPEC", description = "Gradient clipping: norm(max_norm=1) or value(clip_value=0.5).")
  String clip;

  @Option(names = "--trace", paramLabel = "FILE.csv", description = "Write every step: optimizer,step,x,y,loss.")
  Path trace;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw the paths over the surface's contours.")
  Path plot;

  @Override
  public void run() {
    TestSurface surface = Surfaces.resolve(function);
    if (start != null && start.length != 2) {
      throw new DescentException("--start takes two numbers X,Y, got " + start.length);
    }
    if (steps < 1) {
      throw new DescentException("--steps must be ≥ 1, got " + steps);
    }
    double[] from = start != null ? start : surface.start();
    GradientClipper clipper = clip == null ? null : Clippers.resolve(clip);
    LearningRateSchedule rates = schedule == null ? null : Schedules.resolve(schedule);
    List<double[][]> paths = new ArrayList<>();
    for (String optimizer : optimizers) {
      paths.add(new SurfaceDescent(surface, Optimizers.resolve(optimizer), from[0], from[1]).run(steps, clipper, rates));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s from (%g, %g), %d steps%n", surface.spec(), from[0], from[1], steps);
    for (CriticalPoint p : surface.criticalPoints()) {
      out.printf(Locale.ROOT, "  %-8s at (%.6g, %.6g), f = %.6g%n", p.kind().name().toLowerCase(Locale.ROOT), p.x(), p.y(),
          surface.value(p.x(), p.y()));
    }
    out.printf("%-36s %14s %14s %14s  %s%n", "optimizer", "x", "y", "f", "nearest known point");
    for (int i = 0; i < optimizers.size(); i++) {
      double[] end = paths.get(i)[steps];
      out.printf(Locale.ROOT, "%-36s %14.6g %14.6g %14.6g  %s%n", optimizers.get(i), end[0], end[1], end[2],
          nearest(surface, end[0], end[1]));
    }
    if (trace != null) {
      writeTrace(paths);
      out.printf("wrote %s%n", trace);
    }
    if (plot != null) {
      SurfacePlot.write(surface, optimizers, paths, plot);
      out.printf("wrote %s%n", plot);
    }
  }

  private static String nearest(TestSurface surface, double x, double y) {
    CriticalPoint best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (CriticalPoint p : surface.criticalPoints()) {
      double d = Math.hypot(p.x() - x, p.y() - y);
      if (d < bestDistance) {
        bestDistance = d;
        best = p;
      }
    }
    return best == null ? "-" : String.format(Locale.ROOT, "%s (%.3g, %.3g) at distance %.3g",
        best.kind().name().toLowerCase(Locale.ROOT), best.x(), best.y(), bestDistance);
  }

  private void writeTrace(List<double[][]> paths) {
    try (Writer w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
      w.write("optimizer,step,x,y,loss\n");
      for (int i = 0; i < paths.size(); i++) {
        String name = '"' + optimizers.get(i).replace("\"", "\"\"") + '"';
        double[][] path = paths.get(i);
        for (int k = 0; k < path.length; k++) {
          w.write(name + "," + k + "," + path[k][0] + "," + path[k][1] + "," + path[k][2] + "\n");
        }
      }
    } catch (IOException e) {
      throw new DescentException(trace + ": cannot write: " + e.getMessage(), e);
    }
  }
}
