package dev.descent.lab.chart;

import java.util.List;

/**
 * A figure described as data, independent of the library that draws it: a title, axis labels and
 * scales, and its series. An XY plot draws {@link Series} over numeric axes; a bar plot
 * ({@link #categories()} non-empty) draws each series' y values as bars over the categories, with
 * {@code upper − y} as the error bar when the series has a band. {@link PlotRenderer} draws it
 * with XChart; {@link #table()} is the same numbers as rows. Immutable.
 *
 * @param title the title
 * @param xLabel the x-axis label
 * @param yLabel the y-axis label
 * @param logX whether the x axis is logarithmic
 * @param logY whether the y axis is logarithmic
 * @param categories the bar labels of a bar plot, empty for an XY plot
 * @param series the series, drawn in order (later ones on top)
 * @param window {x_min, x_max, y_min, y_max} to fix the axes, or {@code null} to fit the data
 */
public record Plot(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<String> categories,
    List<Series> series, double[] window) {

  public Plot {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    if (window != null && window.length != 4) {
      throw new IllegalArgumentException("a window is {x_min, x_max, y_min, y_max}");
    }
  }

  /** An XY plot with linear axes fitted to the data. */
  public static Plot xy(String title, String xLabel, String yLabel, List<Series> series) {
    return new Plot(title, xLabel, yLabel, false, false, List.of(), series, null);
  }

  /** A bar plot over {@code categories}. */
  public static Plot bars(String title, String xLabel, String yLabel, List<String> categories, List<Series> series) {
    return new Plot(title, xLabel, yLabel, false, false, categories, series, null);
  }

  /** This plot with a logarithmic y axis. */
  public Plot withLogY() {
    return new Plot(title, xLabel, yLabel, logX, true, categories, series, window);
  }

  /** This plot with a logarithmic x axis. */
  public Plot withLogX() {
    return new Plot(title, xLabel, yLabel, true, logY, categories, series, window);
  }

  /** This plot with fixed axes. */
  public Plot withWindow(double xMin, double xMax, double yMin, double yMax) {
    return new Plot(title, xLabel, yLabel, logX, logY, categories, series, new double[] {xMin, xMax, yMin, yMax});
  }

  /** Whether this is a bar plot. */
  public boolean isBars() {
    return !categories.isEmpty();
  }

  /**
   * The plotted numbers as a long table: one row per point with the series name, x (or the
   * category), y and the band's edges (empty without a band).
   */
  public dev.descent.lab.report.Table table(String name) {
    var t = dev.descent.lab.report.Table.builder(name, title, "series", isBars() ? "category" : "x", "y", "lower", "upper");
    for (Series s : series) {
      for (int i = 0; i < s.y().length; i++) {
        Object x = isBars() ? categories.get(i) : (Object) s.x()[i];
        t.row(s.name(), x, s.y()[i], s.hasBand() ? s.lower()[i] : null, s.hasBand() ? s.upper()[i] : null);
      }
    }
    return t.build();
  }
}
