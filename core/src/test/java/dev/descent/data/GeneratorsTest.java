package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The moons, spirals, XOR and blobs generators against their definitions. */
class GeneratorsTest {

  @Test
  void noiseFreeMoonsLieOnTheirHalfCircles() {
    Dataset d = Datasets.moons(101, 0, new SplittableRandom(1), DType.FLOAT64);
    assertEquals(101, d.size());
    assertEquals(50, d.targets().sum(), "the lower moon has n/2 points");
    for (int i = 0; i < d.size(); i++) {
      double x = d.features().get(i, 0);
      double y = d.features().get(i, 1);
      if (d.targets().get(i) == 0) {
        assertEquals(1, Math.hypot(x, y), 1e-12);
        assertTrue(y >= -1e-12, "upper half");
      } else {
        assertEquals(1, Math.hypot(x - 1, y - 0.5), 1e-12);
        assertTrue(y <= 0.5 + 1e-12, "lower half");
      }
    }
  }

  @Test
  void xorLabelsAreTheExclusiveOrOfTheSigns() {
    Dataset d = Datasets.xor(400, 0, new SplittableRandom(2), DType.FLOAT64);
    int ones = 0;
    for (int i = 0; i < d.size(); i++) {
      double x = d.features().get(i, 0);
      double y = d.features().get(i, 1);
      assertTrue(Math.abs(x) <= 1 && Math.abs(y) <= 1);
      assertEquals((x > 0) != (y > 0) ? 1.0 : 0.0, d.targets().get(i));
      ones += (int) d.targets().get(i);
    }
    assertTrue(ones > 150 && ones < 250, "about half are positive: " + ones);
  }

  @Test
  void spiralsHaveOneArmPerClassWithRadiiFromZeroToOne() {
    Dataset d = Datasets.spirals(301, 3, 0, new SplittableRandom(3), DType.FLOAT64);
    int[] counts = new int[3];
    double maxRadius = 0;
    for (int i = 0; i < d.size(); i++) {
      counts[(int) d.targets().get(i)]++;
      maxRadius = Math.max(maxRadius, Math.hypot(d.features().get(i, 0), d.features().get(i, 1)));
    }
    assertArrayEquals(new int[] {101, 100, 100}, counts);
    assertEquals(1, maxRadius, 1e-12);
  }

  @Test
  void blobsClusterAroundTheirCentres() {
    Dataset d = Datasets.blobs(600, 4, 3, 0.1, 10, new SplittableRandom(4), DType.FLOAT64);
    assertEquals(4, d.featureCount());
    double[][] sums = new double[3][4];
    int[] counts = new int[3];
    for (int i = 0; i < d.size(); i++) {
      int c = (int) d.targets().get(i);
      counts[c]++;
      for (int f = 0; f < 4; f++) {
        sums[c][f] += d.features().get(i, f);
      }
    }
    assertArrayEquals(new int[] {200, 200, 200}, counts);
    for (int i = 0; i < d.size(); i++) {
      int c = (int) d.targets().get(i);
      double dist = 0;
      for (int f = 0; f < 4; f++) {
        double diff = d.features().get(i, f) - sums[c][f] / counts[c];
        dist += diff * diff;
      }
      assertTrue(Math.sqrt(dist) < 1, "every point within 10 standard deviations of its centre");
    }
  }

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
    Dataset a = Datasets.moons(50, 0.1, new SplittableRandom(7), DType.FLOAT32);
    Dataset b = Datasets.moons(50, 0.1, new SplittableRandom(7), DType.FLOAT32);
    Dataset c = Datasets.moons(50, 0.1, new SplittableRandom(8), DType.FLOAT32);
    assertArrayEquals(a.features().toDoubleArray(), b.features().toDoubleArray());
    assertTrue(!java.util.Arrays.equals(a.features().toDoubleArray(), c.features().toDoubleArray()));
  }

  @Test
  void badArgumentsAreOneLineErrors() {
    assertThrows(DescentException.class, () -> Datasets.moons(1, 0.1, new SplittableRandom(1), DType.FLOAT32));
    var e = assertThrows(DescentException.class, () -> Datasets.xor(10, -1, new SplittableRandom(1), DType.FLOAT32));
    assertTrue(e.getMessage().contains("noise"), e.getMessage());
    assertThrows(DescentException.class, () -> Datasets.spirals(10, 1, 0, new SplittableRandom(1), DType.FLOAT32));
    assertThrows(DescentException.class, () -> Datasets.blobs(10, 0, 2, 1, 1, new SplittableRandom(1), DType.FLOAT32));
  }
}
