package dev.descent.lab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveTest {
  @Test
  void meanAndSampleStandardDeviationPerPoint() {
    Curve c = Curve.of(List.of(new double[] {1, 2, 3}, new double[] {3, 4, 5}), 1);
    assertArrayEquals(new double[] {1, 2, 3}, c.x());
    assertArrayEquals(new double[] {2, 3, 4}, c.mean());
    assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2), Math.sqrt(2)}, c.std(), 1e-15);
    assertArrayEquals(new double[] {2 - Math.sqrt(2), 3 - Math.sqrt(2), 4 - Math.sqrt(2)}, c.lower(), 1e-15);
  }

  @Test
  void aCurveEndsWhereFewerThanHalfTheRunsReach() {
    Curve c = Curve.of(List.of(new double[] {1, 1, 1, 1}, new double[] {3, 3}, new double[] {5}), 0);
    assertArrayEquals(new double[] {0, 1}, c.x(), "two of three runs reach index 1, one reaches index 2");
    assertArrayEquals(new double[] {3, 2}, c.mean());
  }

  @Test
  void statsSkipNaNAndASingleValueHasNoSpread() {
    assertEquals(2, Stats.mean(1, Double.NaN, 3));
    assertEquals(0, Stats.std(7));
    assertEquals(Math.sqrt(2), Stats.std(1, 3, Double.NaN), 1e-15);
  }

  @Test
  void downsamplingAveragesEqualBuckets() {
    double[][] d = Downsample.means(new double[] {1, 2, 3, 4, 5, 6}, new double[] {10, 20, 30, 40, 50, 60}, 3);
    assertArrayEquals(new double[] {1.5, 3.5, 5.5}, d[0]);
    assertArrayEquals(new double[] {15, 35, 55}, d[1]);
    assertArrayEquals(new double[] {1, 2}, Downsample.means(new double[] {1, 2}, new double[] {1, 2}, 5)[0]);
  }

  @Test
  void logDownsamplingKeepsTheFirstPointsAndAveragesTheTail() {
    double[] x = Downsample.counting(1000);
    double[][] d = Downsample.logMeans(x, x, 30);
    assertEquals(1, d[0][0], "the first update keeps its own point");
    assertEquals(30, d[0].length);
    for (int i = 1; i < d[0].length; i++) {
      org.junit.jupiter.api.Assertions.assertTrue(d[0][i] > d[0][i - 1], "increasing");
    }
    double lastFrom = Math.round(Math.pow(1000, 29 / 30.0)) + 1;
    assertEquals((lastFrom + 1000) / 2, d[0][29], 1e-9, "the last bucket averages updates " + lastFrom + "…1000");
  }
}
