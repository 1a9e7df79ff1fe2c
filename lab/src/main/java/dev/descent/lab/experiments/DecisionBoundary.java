package dev.descent.lab.experiments;

import dev.descent.data.Dataset;
import dev.descent.lab.chart.Palette;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.Series;
import dev.descent.nn.Sequential;
import dev.descent.tensor.Tensor;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision regions of a trained classifier over two-dimensional data: the model classifies
 * every cell of a grid over the window (class 1 where a single sigmoid output exceeds 0.5,
 * otherwise the argmax of the outputs), each region is filled with its class's pale colour, and
 * the data points are drawn on top in their class's colour. Stateless.
 */
public final class DecisionBoundary {
  private DecisionBoundary() {}

  /** The plot of {@code model}'s regions over {@code window} {x_min, x_max, y_min, y_max} at {@code resolution}² cells, with {@code data} on top. */
  public static Plot plot(String title, Sequential model, Dataset data, double[] window, int resolution) {
    int cells = resolution * resolution;
    Tensor grid = Tensor.zeros(model.dtype(), cells, 2);
    double[] gx = new double[cells];
    double[] gy = new double[cells];
    for (int i = 0; i < resolution; i++) {
      for (int j = 0; j < resolution; j++) {
        int k = i * resolution + j;
        gx[k] = window[0] + (window[1] - window[0]) * (j + 0.5) / resolution;
        gy[k] = window[2] + (window[3] - window[2]) * (i + 0.5) / resolution;
        grid.set(k, 0, gx[k]);
        grid.set(k, 1, gy[k]);
      }
    }
    Tensor out = model.predict(grid);
    int classes = Math.max(2, out.cols());
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int k = 0; k < cells; k++) {
      int c = out.cols() == 1 ? (out.get(k) > 0.5 ? 1 : 0) : out.argmax(k);
      byClass.get(c).add(k);
    }
    List<Series> series = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      List<Integer> ks = byClass.get(c);
      double[] x = ks.stream().mapToDouble(k -> gx[k]).toArray();
      double[] y = ks.stream().mapToDouble(k -> gy[k]).toArray();
      series.add(Series.points("predicted " + c, x, y, Series.Style.CELLS, region(c)));
    }
    for (int c = 0; c < classes; c++) {
      List<double[]> points = new ArrayList<>();
      for (int r = 0; r < data.size(); r++) {
        if ((int) Math.round(data.targets().get(r)) == c) {
          points.add(new double[] {data.features().get(r, 0), data.features().get(r, 1)});
        }
      }
      series.add(Series.points("class " + c, points.stream().mapToDouble(p -> p[0]).toArray(),
          points.stream().mapToDouble(p -> p[1]).toArray(), Series.Style.POINTS, Palette.color(c)));
    }
    return Plot.xy(title, "x₁", "x₂", series).withWindow(window[0], window[1], window[2], window[3]);
  }

  /** A window around the data with a margin of 10% of its extent on every side. */
  public static double[] window(Dataset data) {
    double[] w = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int r = 0; r < data.size(); r++) {
      w[0] = Math.min(w[0], data.features().get(r, 0));
      w[1] = Math.max(w[1], data.features().get(r, 0));
      w[2] = Math.min(w[2], data.features().get(r, 1));
      w[3] = Math.max(w[3], data.features().get(r, 1));
    }
    double mx = 0.1 * (w[1] - w[0]);
    double my = 0.1 * (w[3] - w[2]);
    return new double[] {w[0] - mx, w[1] + mx, w[2] - my, w[3] + my};
  }

  private static Color region(int c) {
    return c == 0 ? Palette.REGION_0 : c == 1 ? Palette.REGION_1 : mixWhite(Palette.color(c));
  }

  private static Color mixWhite(Color c) {
    return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
  }
}
