package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.PlotRenderer;
import dev.descent.lab.chart.Series;
import dev.descent.optimizers.surface.CriticalPoint;
import dev.descent.optimizers.surface.TestSurface;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optimizer paths over a surface's contour lines, with minima and saddle points marked. Contours are
 * traced by marching squares on a 160×160 grid over the surface's window at twelve levels spaced
 * evenly in the quantiles of f over the grid, and drawn as the segment points.
 */
final class SurfacePlot {
  private static final int GRID = 160;
  private static final int LEVELS = 12;

  private SurfacePlot() {}

  static void write(TestSurface surface, List<String> names, List<double[][]> paths, Path file) {
    double[] w = surface.window();
    double[][] f = new double[GRID + 1][GRID + 1];
    double[] sorted = new double[(GRID + 1) * (GRID + 1)];
    for (int i = 0; i <= GRID; i++) {
      for (int j = 0; j <= GRID; j++) {
        f[i][j] = surface.value(x(w, i), y(w, j));
        sorted[i * (GRID + 1) + j] = f[i][j];
      }
    }
    Arrays.sort(sorted);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int l = 1; l <= LEVELS; l++) {
      double q = (double) l / (LEVELS + 1);
      double level = sorted[(int) (q * q * (sorted.length - 1))];
      for (int i = 0; i < GRID; i++) {
        for (int j = 0; j < GRID; j++) {
          crossings(w, f, i, j, level, xs, ys);
        }
      }
    }
    List<Series> series = new ArrayList<>();
    series.add(Series.points("contours", unbox(xs), unbox(ys), Series.Style.POINTS, new Color(200, 200, 200)));
    for (int p = 0; p < paths.size(); p++) {
      double[][] path = paths.get(p);
      double[] px = new double[path.length];
      double[] py = new double[path.length];
      for (int k = 0; k < path.length; k++) {
        px[k] = clamp(path[k][0], w[0], w[1]);
        py[k] = clamp(path[k][1], w[2], w[3]);
      }
      series.add(Series.line(names.get(p), px, py));
    }
    for (CriticalPoint.Kind kind : CriticalPoint.Kind.values()) {
      List<Double> cx = new ArrayList<>();
      List<Double> cy = new ArrayList<>();
      for (CriticalPoint c : surface.criticalPoints()) {
        if (c.kind() == kind) {
          cx.add(c.x());
          cy.add(c.y());
        }
      }
      if (!cx.isEmpty()) {
        series.add(Series.points(kind.name().toLowerCase(java.util.Locale.ROOT), unbox(cx), unbox(cy),
            Series.Style.POINTS, kind == CriticalPoint.Kind.GLOBAL_MINIMUM ? Color.BLACK
                : kind == CriticalPoint.Kind.LOCAL_MINIMUM ? Color.ORANGE : Color.RED));
      }
    }
    Plot plot = Plot.xy(surface.spec(), "x", "y", series).withWindow(w[0], w[1], w[2], w[3]);
    try {
      Files.write(file, PlotRenderer.png(plot));
    } catch (IOException e) {
      throw new DescentException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static void crossings(double[] w, double[][] f, int i, int j, double level, List<Double> xs, List<Double> ys) {
    edge(x(w, i), y(w, j), f[i][j], x(w, i + 1), y(w, j), f[i + 1][j], level, xs, ys);
    edge(x(w, i), y(w, j), f[i][j], x(w, i), y(w, j + 1), f[i][j + 1], level, xs, ys);
  }

  private static void edge(double x0, double y0, double f0, double x1, double y1, double f1, double level,
      List<Double> xs, List<Double> ys) {
    if ((f0 < level) != (f1 < level)) {
      double t = (level - f0) / (f1 - f0);
      xs.add(x0 + t * (x1 - x0));
      ys.add(y0 + t * (y1 - y0));
    }
  }

  private static double x(double[] w, int i) {
    return w[0] + (w[1] - w[0]) * i / GRID;
  }

  private static double y(double[] w, int j) {
    return w[2] + (w[3] - w[2]) * j / GRID;
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? hi : Math.max(lo, Math.min(hi, v));
  }

  private static double[] unbox(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
