package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Datasets, the circles generator, splits, shuffles and standardization. */
class DataTest {

  // ------------------------------------------------------------------ circles

  @Test
  void circlesHasExactlyBalancedClasses() {
    for (int n : new int[] {2, 10, 101, 400}) {
      Dataset d = Datasets.circles(n, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);
      assertEquals(n, d.size());
      assertEquals(2, d.featureCount());
      double ones = d.targets().sum();
      assertEquals(n / 2, ones, "n = " + n + ": the inner circle has n/2 points");
      for (int i = 0; i < n; i++) {
        double y = d.targets().get(i);
        assertTrue(y == 0 || y == 1);
      }
    }
  }

  @Test
  void circlesWithoutNoiseLieOnTheTwoCirclesAtEquallySpacedAngles() {
    Dataset d = Datasets.circles(16, 0, 0.3, new SplittableRandom(2), DType.FLOAT64);
    double[] outerAngles = new double[8];
    int k = 0;
    for (int i = 0; i < 16; i++) {
      double x = d.features().get(i, 0);
      double y = d.features().get(i, 1);
      double radius = Math.hypot(x, y);
      if (d.targets().get(i) == 0) {
        assertEquals(1, radius, 1e-12);
        outerAngles[k++] = (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
      } else {
        assertEquals(0.3, radius, 1e-12);
      }
    }
    Arrays.sort(outerAngles);
    for (int i = 0; i < 8; i++) {
      assertEquals(2 * Math.PI * i / 8, outerAngles[i], 1e-9);
    }
  }

  @Test
  void circlesAreReproducibleAndShuffled() {
    Dataset a = Datasets.circles(50, 0.05, 0.5, new SplittableRandom(7), DType.FLOAT64);
    Dataset b = Datasets.circles(50, 0.05, 0.5, new SplittableRandom(7), DType.FLOAT64);
    Dataset c = Datasets.circles(50, 0.05, 0.5, new SplittableRandom(8), DType.FLOAT64);
    assertArrayEquals(a.features().toDoubleArray(), b.features().toDoubleArray());
    assertArrayEquals(a.targets().toDoubleArray(), b.targets().toDoubleArray());
    assertFalse(Arrays.equals(a.features().toDoubleArray(), c.features().toDoubleArray()));
    // shuffled: the labels are not in generation order (all zeros, then all ones)
    double firstHalf = 0;
    for (int i = 0; i < 25; i++) {
      firstHalf += a.targets().get(i);
    }
    assertTrue(firstHalf > 0 && firstHalf < 25, "labels look unshuffled: " + firstHalf);
  }

  @Test
  void circlesInFloat32() {
    Dataset d = Datasets.circles(10, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT32);
    assertEquals(DType.FLOAT32, d.features().dtype());
    assertEquals(DType.FLOAT32, d.targets().dtype());
  }

  // ------------------------------------------------------------------ datasets and splits

  static Dataset numbered(int n) {
    Tensor x = Tensor.zeros(DType.FLOAT64, n, 2);
    Tensor y = Tensor.zeros(DType.FLOAT64, n, 1);
    for (int i = 0; i < n; i++) {
      x.set(i, 0, i);
      x.set(i, 1, -i);
      y.set(i, i);
    }
    return new Dataset(x, y);
  }

  @Test
  void datasetRejectsMismatchedRowsAndDTypes() {
    DescentException rows = assertThrows(DescentException.class,
        () -> new Dataset(Tensor.zeros(DType.FLOAT64, 3, 2), Tensor.zeros(DType.FLOAT64, 4, 1)));
    assertTrue(rows.getMessage().contains("3 feature rows but 4 target rows")
        && rows.getMessage().contains("[3, 2]") && rows.getMessage().contains("[4, 1]"), rows.getMessage());
    DescentException dtype = assertThrows(DescentException.class,
        () -> new Dataset(Tensor.zeros(DType.FLOAT64, 3, 2), Tensor.zeros(DType.FLOAT32, 3, 1)));
    assertTrue(dtype.getMessage().contains("dtype"), dtype.getMessage());
  }

  @Test
  void selectGathersRowsInOrder() {
    Dataset d = numbered(5).select(new int[] {4, 0, 4});
    assertArrayEquals(new double[] {4, -4, 0, 0, 4, -4}, d.features().toDoubleArray());
    assertArrayEquals(new double[] {4, 0, 4}, d.targets().toDoubleArray());
  }

  @Test
  void splitPartitionsTheExamplesReproducibly() {
    Dataset d = numbered(10);
    Dataset.Split s = d.split(0.3, new SplittableRandom(3));
    assertEquals(7, s.train().size());
    assertEquals(3, s.test().size());
    Set<Double> seen = new HashSet<>();
    for (Dataset part : new Dataset[] {s.train(), s.test()}) {
      for (int i = 0; i < part.size(); i++) {
        assertEquals(part.features().get(i, 0), part.targets().get(i), "rows stay aligned");
        assertTrue(seen.add(part.targets().get(i)), "an example appears twice");
      }
    }
    assertEquals(10, seen.size());
    Dataset.Split again = d.split(0.3, new SplittableRandom(3));
    assertArrayEquals(s.test().targets().toDoubleArray(), again.test().targets().toDoubleArray());
    Dataset.Split other = d.split(0.3, new SplittableRandom(4));
    assertFalse(Arrays.equals(s.train().targets().toDoubleArray(), other.train().targets().toDoubleArray()));
  }

  @Test
  void splitRoundsTheTestSize() {
    assertEquals(3, numbered(11).split(0.25, new SplittableRandom(1)).test().size()); // 2.75 → 3
    assertEquals(2, numbered(10).split(0.2, new SplittableRandom(1)).test().size());
  }

  @Test
  void splitFractionMustBeStrictlyBetweenZeroAndOne() {
    for (double f : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      DescentException e = assertThrows(DescentException.class, () -> numbered(5).split(f, new SplittableRandom(1)));
      assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
    }
  }

  @Test
  void splitNeverReturnsAnEmptyPart() {
    assertThrows(DescentException.class, () -> numbered(4).split(0.1, new SplittableRandom(1)));
  }

  @Test
  void toConvertsDTypeAndIsIdentityForTheSameDType() {
    Dataset d = numbered(3);
    assertSame(d, d.to(DType.FLOAT64));
    Dataset f = d.to(DType.FLOAT32);
    assertEquals(DType.FLOAT32, f.features().dtype());
    assertEquals(DType.FLOAT32, f.targets().dtype());
    assertArrayEquals(d.features().toDoubleArray(), f.features().toDoubleArray());
  }

  @Test
  void shuffleIsAReproduciblePermutation() {
    int[] p = Shuffle.permutation(20, new SplittableRandom(5));
    int[] q = Shuffle.permutation(20, new SplittableRandom(5));
    int[] r = Shuffle.permutation(20, new SplittableRandom(6));
    assertArrayEquals(p, q);
    assertFalse(Arrays.equals(p, r));
    int[] sorted = p.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 20; i++) {
      assertEquals(i, sorted[i]);
    }
    assertFalse(Arrays.equals(p, sorted), "a 20-element shuffle left everything in place");
  }

  @Test
  void shuffleIsUniformOverThreeElements() {
    int[] counts = new int[6];
    SplittableRandom random = new SplittableRandom(9);
    for (int trial = 0; trial < 6000; trial++) {
      int[] p = Shuffle.permutation(3, random);
      counts[p[0] * 2 + (p[1] > p[2] ? 1 : 0)]++;
    }
    for (int c : counts) {
      assertTrue(c > 850 && c < 1150, Arrays.toString(counts)); // 1000 ± ~5σ
    }
  }

  // ------------------------------------------------------------------ standardization

  @Test
  void standardizerUsesThePopulationStandardDeviation() {
    Tensor x = Tensor.of(DType.FLOAT64, 4, 2, 1, 10, 2, 10, 3, 30, 4, 30);
    Tensor z = Standardizer.fit(x).apply(x);
    // column 0: μ = 2.5, σ = √1.25; column 1: μ = 20, σ = 10
    double s = Math.sqrt(1.25);
    assertArrayEquals(new double[] {-1.5 / s, -1, -0.5 / s, -1, 0.5 / s, 1, 1.5 / s, 1}, z.toDoubleArray(), 1e-15);
    assertEquals(1, x.get(0), "the input is not modified");
  }

  @Test
  void standardizerAppliesTheTrainingStatisticsToOtherData() {
    Standardizer s = Standardizer.fit(Tensor.of(DType.FLOAT64, 2, 1, 0, 4)); // μ = 2, σ = 2
    Tensor z = s.apply(Tensor.of(DType.FLOAT32, 3, 1, 2, 6, -4));
    assertEquals(DType.FLOAT32, z.dtype());
    assertArrayEquals(new double[] {0, 2, -3}, z.toDoubleArray(), 1e-7);
    Dataset d = s.apply(new Dataset(Tensor.of(DType.FLOAT64, 1, 1, 4), Tensor.of(DType.FLOAT64, 1, 1, 7)));
    assertEquals(1, d.features().get(0));
    assertEquals(7, d.targets().get(0), "targets are not standardized");
  }

  @Test
  void aConstantColumnOfExactlyRepresentableValuesBecomesZero() {
    Tensor x = Tensor.of(DType.FLOAT64, 4, 2, 5, 1, 5, 2, 5, 3, 5, 4);
    Tensor z = Standardizer.fit(x).apply(x);
    for (int r = 0; r < 4; r++) {
      assertEquals(0, z.get(r, 0));
    }
  }

  @Test
  void aConstantColumnBecomesZero() {
    for (double v : new double[] {0.1, 0.3, 1.7, 12345.678}) {
      Tensor x = Tensor.zeros(DType.FLOAT64, 10, 1);
      x.fill(v);
      Tensor z = Standardizer.fit(x).apply(x);
      for (int r = 0; r < 10; r++) {
        assertEquals(0, z.get(r), "constant column of " + v);
      }
    }
  }
}
