package dev.descent.lab.chart;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Plot} with XChart and encodes it as PNG (Java2D, off screen) and SVG
 * (VectorGraphics2D). Bands become translucent polygons under their line; cells become square
 * markers sized to overlap into filled regions; points that cannot be drawn (NaN, infinite, or
 * ≤ 0 on a logarithmic axis) are left out. Stateless and thread-safe (every call builds its own
 * chart).
 */
public final class PlotRenderer {
  private static final int WIDTH = 860;
  private static final int HEIGHT = 520;
  private static final int CELL_WIDTH = 640;
  private static final int CELL_HEIGHT = 660;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PlotRenderer() {}

  /** The plot as PNG bytes. */
  public static byte[] png(Plot plot) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(plot), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plot as an SVG document. */
  public static byte[] svg(Plot plot) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart(plot), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The XChart chart of {@code plot}. */
  public static Chart<?, ?> chart(Plot plot) {
    return plot.isBars() ? bars(plot) : xy(plot);
  }

  private static XYChart xy(Plot plot) {
    boolean cells = plot.series().stream().anyMatch(s -> s.style() == Series.Style.CELLS);
    XYChart chart = new XYChartBuilder().width(cells ? CELL_WIDTH : WIDTH).height(cells ? CELL_HEIGHT : HEIGHT)
        .title(plot.title()).xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
    var styler = chart.getStyler();
    style(styler);
    styler.setLegendPosition(cells ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
    styler.setXAxisLogarithmic(plot.logX());
    styler.setYAxisLogarithmic(plot.logY());
    styler.setMarkerSize(cells ? cellMarkerSize(plot) : 6);
    if (plot.window() != null) {
      styler.setXAxisMin(plot.window()[0]).setXAxisMax(plot.window()[1]);
      styler.setYAxisMin(plot.window()[2]).setYAxisMax(plot.window()[3]);
    }
    int next = 0;
    int added = 0;
    for (Series s : plot.series()) {
      Color color = s.color() != null ? s.color() : Palette.color(next++);
      double[][] clean = clean(plot, s.x(), s.y());
      if (clean[0].length == 0) {
        continue;
      }
      if (s.hasBand()) {
        double[][] polygon = band(plot, s);
        if (polygon[0].length > 2) {
          XYSeries area = chart.addSeries(s.name() + " (band " + added + ")", polygon[0], polygon[1]);
          area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
          area.setFillColor(Palette.translucent(color, 50));
          area.setLineColor(Palette.translucent(color, 0));
          area.setMarker(SeriesMarkers.NONE);
          area.setShowInLegend(false);
        }
      }
      XYSeries series = chart.addSeries(uniqueName(chart, s.name()), clean[0], clean[1]);
      added++;
      switch (s.style()) {
        case LINE, DASHED, LINE_MARKERS -> {
          series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
          series.setLineColor(color);
          series.setLineWidth(1.8f);
          series.setMarker(s.style() == Series.Style.LINE_MARKERS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
          series.setMarkerColor(color);
          series.setLineStyle(s.style() == Series.Style.DASHED ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        }
        case POINTS, MARKERS, CELLS -> {
          series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          series.setMarker(s.style() == Series.Style.CELLS ? SeriesMarkers.SQUARE
              : s.style() == Series.Style.MARKERS ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
          series.setMarkerColor(color);
          series.setShowInLegend(s.style() != Series.Style.CELLS);
        }
        default -> throw new IllegalStateException(s.style().toString());
      }
    }
    if (added == 0) {
      chart.addSeries("no finite data", new double[] {0}, new double[] {plot.logY() ? 1 : 0}).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** A square marker a little wider than one grid cell, so neighbouring cells overlap into a filled region. */
  private static int cellMarkerSize(Plot plot) {
    java.util.Set<Double> columns = new java.util.HashSet<>();
    for (Series s : plot.series()) {
      if (s.style() == Series.Style.CELLS) {
        for (double x : s.x()) {
          columns.add(x);
        }
      }
    }
    int resolution = Math.max(1, columns.size());
    return (int) Math.ceil((CELL_WIDTH - 110.0) / resolution) + 2;
  }

  private static CategoryChart bars(Plot plot) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
        .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
    var styler = chart.getStyler();
    style(styler);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendVisible(plot.series().size() > 1);
    styler.setXAxisLabelRotation(plot.categories().size() > 6 ? 60 : 0);
    styler.setYAxisLogarithmic(plot.logY());
    styler.setErrorBarsColorSeriesColor(false);
    styler.setErrorBarsColor(Color.DARK_GRAY);
    if (plot.window() != null) {
      styler.setYAxisMin(plot.window()[2]).setYAxisMax(plot.window()[3]);
    }
    int next = 0;
    for (Series s : plot.series()) {
      List<Number> y = new ArrayList<>();
      List<Number> error = new ArrayList<>();
      for (int i = 0; i < s.y().length; i++) {
        y.add(finiteOr(s.y()[i], 0));
        error.add(s.hasBand() ? finiteOr(s.upper()[i] - s.y()[i], 0) : 0);
      }
      CategorySeries series = s.hasBand() ? chart.addSeries(s.name(), plot.categories(), y, error)
          : chart.addSeries(s.name(), plot.categories(), y);
      series.setFillColor(s.color() != null ? s.color() : Palette.color(next++));
    }
    return chart;
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendBorderColor(new Color(0xdddddd));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setAntiAlias(true);
    if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
      axes.setPlotGridLinesColor(new Color(0xe6e6e6));
      axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
  }

  private static String uniqueName(XYChart chart, String name) {
    String n = name;
    for (int k = 2; chart.getSeriesMap().containsKey(n); k++) {
      n = name + " (" + k + ")";
    }
    return n;
  }

  private static double[][] clean(Plot plot, double[] x, double[] y) {
    int n = 0;
    double[] cx = new double[x.length];
    double[] cy = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      if (drawable(x[i], plot.logX()) && drawable(y[i], plot.logY())) {
        cx[n] = x[i];
        cy[n] = y[i];
        n++;
      }
    }
    return new double[][] {java.util.Arrays.copyOf(cx, n), java.util.Arrays.copyOf(cy, n)};
  }

  private static double[][] band(Plot plot, Series s) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < s.x().length; i++) {
      double lower = plot.logY() && s.lower()[i] <= 0 ? s.y()[i] / 10 : s.lower()[i];
      if (drawable(s.x()[i], plot.logX()) && drawable(lower, plot.logY()) && drawable(s.upper()[i], plot.logY())) {
        points.add(new double[] {s.x()[i], lower, s.upper()[i]});
      }
    }
    int n = points.size();
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = points.get(i)[0];
      py[i] = points.get(i)[2];
      px[2 * n - 1 - i] = points.get(i)[0];
      py[2 * n - 1 - i] = points.get(i)[1];
    }
    return new double[][] {px, py};
  }

  private static boolean drawable(double v, boolean log) {
    return Double.isFinite(v) && (!log || v > 0);
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }
}
