package dev.descent.lab.chart;

import java.awt.Color;

/**
 * One series of a {@link Plot}: points (x, y), optionally a band [lower, upper] drawn as a shaded
 * area around it (mean ± standard deviation over seeds), a style and a colour ({@code null}: the
 * theme's next colour). Values that are NaN or infinite are left out of the drawing, and so are
 * values ≤ 0 on a logarithmic axis. Immutable by convention (the arrays are not copied).
 *
 * @param name the legend label
 * @param x the x values
 * @param y the y values
 * @param lower the lower edge of the band, or {@code null}
 * @param upper the upper edge of the band, or {@code null}
 * @param style how the points are drawn
 * @param color the colour, or {@code null}
 */
public record Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style, Color color) {

  /** How a series is drawn. */
  public enum Style {
    /** A solid line. */
    LINE,
    /** A dashed line. */
    DASHED,
    /** A line with a marker at every point. */
    LINE_MARKERS,
    /** Markers only (data points). */
    POINTS,
    /** Filled square cells without a legend entry (decision regions, level sets). */
    CELLS,
    /** Large markers (starts, minima, saddles). */
    MARKERS
  }

  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
    }
    if ((lower == null) != (upper == null) || (lower != null && (lower.length != y.length || upper.length != y.length))) {
      throw new IllegalArgumentException(name + ": the band needs lower and upper edges as long as the series");
    }
  }

  /** A solid line. */
  public static Series line(String name, double[] x, double[] y) {
    return new Series(name, x, y, null, null, Style.LINE, null);
  }

  /** A solid line with a shaded band [lower, upper]. */
  public static Series band(String name, double[] x, double[] y, double[] lower, double[] upper) {
    return new Series(name, x, y, lower, upper, Style.LINE, null);
  }

  /** Points drawn with {@code style} in {@code color}. */
  public static Series points(String name, double[] x, double[] y, Style style, Color color) {
    return new Series(name, x, y, null, null, style, color);
  }

  /** This series in {@code newColor}. */
  public Series withColor(Color newColor) {
    return new Series(name, x, y, lower, upper, style, newColor);
  }

  /** This series drawn with {@code newStyle}. */
  public Series withStyle(Style newStyle) {
    return new Series(name, x, y, lower, upper, newStyle, color);
  }

  /** Whether it has a band. */
  public boolean hasBand() {
    return lower != null;
  }
}
