package dev.descent.lab.experiments;

import dev.descent.lab.chart.Palette;
import dev.descent.lab.chart.Series;
import dev.descent.optimizers.surface.TestSurface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Level sets of a surface as filled cells, for drawing under optimizer paths: the surface is
 * sampled on a grid over its window, the values are cut at their deciles, and each band becomes a
 * series of cells coloured from light (low) to dark (high). Deciles rather than equal steps give
 * every band the same area, so valleys stay visible next to steep walls. Stateless.
 */
final class Levels {
  private static final int BANDS = 10;

  private Levels() {}

  /** The cells of {@code surface} at {@code resolution}² points. */
  static List<Series> cells(TestSurface surface, int resolution) {
    double[] w = surface.window();
    int n = resolution * resolution;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < resolution; i++) {
      for (int j = 0; j < resolution; j++) {
        int k = i * resolution + j;
        x[k] = w[0] + (w[1] - w[0]) * (j + 0.5) / resolution;
        y[k] = w[2] + (w[3] - w[2]) * (i + 0.5) / resolution;
        f[k] = surface.value(x[k], y[k]);
      }
    }
    double[] sorted = f.clone();
    Arrays.sort(sorted);
    double[] cuts = new double[BANDS - 1];
    for (int b = 1; b < BANDS; b++) {
      cuts[b - 1] = sorted[(int) ((long) n * b / BANDS)];
    }
    List<List<Integer>> bands = new ArrayList<>();
    for (int b = 0; b < BANDS; b++) {
      bands.add(new ArrayList<>());
    }
    for (int k = 0; k < n; k++) {
      int b = 0;
      while (b < cuts.length && f[k] >= cuts[b]) {
        b++;
      }
      bands.get(b).add(k);
    }
    List<Series> series = new ArrayList<>();
    for (int b = 0; b < BANDS; b++) {
      List<Integer> ks = bands.get(b);
      series.add(Series.points("level " + (b + 1), ks.stream().mapToDouble(k -> x[k]).toArray(),
          ks.stream().mapToDouble(k -> y[k]).toArray(), Series.Style.CELLS, Palette.ramp(0.05 + 0.75 * b / (BANDS - 1.0))));
    }
    return series;
  }
}
