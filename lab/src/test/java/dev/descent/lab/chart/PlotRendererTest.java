package dev.descent.lab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotRendererTest {
  @Test
  void drawsBandsOnLogAxesLeavingOutWhatCannotBeDrawn() {
    double[] x = {1, 2, 3, 4};
    Plot plot = Plot.xy("t", "x", "y", List.of(
        Series.band("a", x, new double[] {1, 0.1, Double.NaN, 0}, new double[] {-1, 0.05, 1, 0}, new double[] {2, 0.2, 3, 1}),
        Series.line("b", x, new double[] {1, 2, Double.POSITIVE_INFINITY, 4}))).withLogY();
    byte[] png = PlotRenderer.png(plot);
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    String svg = new String(PlotRenderer.svg(plot), StandardCharsets.UTF_8);
    assertTrue(svg.contains("<svg"), svg.substring(0, 100));
  }

  @Test
  void drawsBarsWithErrorBarsAndCells() {
    Plot bars = Plot.bars("t", "c", "y", List.of("p", "q"),
        List.of(new Series("s", new double[2], new double[] {0.5, 0.7}, new double[] {0.4, 0.6}, new double[] {0.6, 0.8},
            Series.Style.LINE, null)));
    assertTrue(PlotRenderer.png(bars).length > 1000);
    Plot cells = Plot.xy("t", "x", "y", List.of(Series.points("c", new double[] {0, 1}, new double[] {0, 1},
        Series.Style.CELLS, Palette.REGION_0))).withWindow(-1, 2, -1, 2);
    assertTrue(PlotRenderer.png(cells).length > 1000);
    assertEquals(4, cells.table("cells").rows().size() + 2, "one row per point");
  }

  @Test
  void everySeriesWithoutNumbersStillRenders() {
    Plot empty = Plot.xy("t", "x", "y", List.of(Series.line("nan", new double[] {1}, new double[] {Double.NaN}))).withLogY();
    assertTrue(PlotRenderer.png(empty).length > 100);
  }
}
