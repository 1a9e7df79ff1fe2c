package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.lab.chart.Plot;
import dev.descent.lab.chart.PlotRenderer;
import dev.descent.lab.chart.Series;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A density histogram of a tensor's values (60 equal bins over the sample's range, each bar's height
 * count/(n·width), drawn as a step line) with the theoretical density over it, as PNG.
 */
final class HistogramPlot {
  private static final int BINS = 60;
  private static final int DENSITY_POINTS = 240;

  private HistogramPlot() {}

  /** Plots {@code values}, whose smallest and largest are {@code min} and {@code max}, to {@code file}. */
  static void write(Tensor values, double min, double max, Distribution theory, String title, Path file) {
    if (max == min) {
      min -= 0.5;
      max += 0.5;
    }
    double width = (max - min) / BINS;
    double[] counts = new double[BINS];
    for (int i = 0; i < values.size(); i++) {
      counts[Math.min(BINS - 1, (int) ((values.get(i) - min) / width))]++;
    }
    double[] stepX = new double[2 * BINS];
    double[] stepY = new double[2 * BINS];
    for (int b = 0; b < BINS; b++) {
      stepX[2 * b] = min + b * width;
      stepX[2 * b + 1] = min + (b + 1) * width;
      stepY[2 * b] = stepY[2 * b + 1] = counts[b] / (values.size() * width);
    }
    List<Series> series = new ArrayList<>();
    series.add(Series.line("sample", stepX, stepY));
    if (theory != null && theory.atoms().isEmpty()) {
      double[] x = new double[DENSITY_POINTS];
      double[] y = new double[DENSITY_POINTS];
      for (int i = 0; i < DENSITY_POINTS; i++) {
        x[i] = min + (max - min) * i / (DENSITY_POINTS - 1);
        y[i] = theory.density(x[i]);
      }
      series.add(Series.line("density", x, y));
    }
    try {
      Files.write(file, PlotRenderer.png(Plot.xy(title, "value", "density", series)));
    } catch (IOException e) {
      throw new DescentException(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
