package dev.descent.initializers.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.initializers.distribution.NormalMath;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ziggurat samplers draw exactly the standard normal and the normal truncated to [−h, h].
 * Each KS test uses α = 10⁻³ with a fixed seed (see {@code DistributionFixtureTest} for what that
 * means).
 */
class ZigguratTest {
  private static final int N = 400_000;

  @Test
  void reproducesMarsagliaAndTsangsPublishedTablesFor256Layers() {
    Ziggurat z = new Ziggurat(Double.POSITIVE_INFINITY, 256);
    assertEquals(3.6541528853610088, z.tailStart(), 1e-14, "r (Marsaglia and Tsang 2000)");
    assertEquals(0.00492867323399, z.layerArea(), 1e-11 * 0.00492867323399, "v (Marsaglia and Tsang 2000, 12 digits)");
  }

  private static double ks(double[] sample, DoubleUnaryOperator cdf) {
    double[] s = sample.clone();
    Arrays.sort(s);
    double d = 0;
    for (int i = 0; i < s.length; i++) {
      double f = cdf.applyAsDouble(s[i]);
      d = Math.max(d, Math.max((i + 1.0) / s.length - f, f - (double) i / s.length));
    }
    return d;
  }

  private static double critical(int n) {
    return Math.sqrt(-Math.log(1e-3 / 2) / 2) / Math.sqrt(n);
  }

  @Test
  void bulkAndSingleDrawsAreStandardNormal() {
    double[] bulk = new double[N];
    Ziggurat.STANDARD.fill(bulk, 0, N, new Rng(1), 0, 1);
    assertTrue(ks(bulk, NormalMath::cdf) < critical(N), "fill");
    Rng rng = new Rng(2);
    double[] single = new double[N];
    for (int i = 0; i < N; i++) {
      single[i] = Ziggurat.STANDARD.next(rng);
    }
    assertTrue(ks(single, NormalMath::cdf) < critical(N), "next");
  }

  @Test
  void tailsHaveTheirProbability() {
    int n = 4_000_000;
    double[] z = new double[n];
    Ziggurat.STANDARD.fill(z, 0, n, new Rng(3), 0, 1);
    for (double bound : new double[] {Ziggurat.STANDARD.tailStart(), 4.5, 3.0}) {
      long beyond = Arrays.stream(z).filter(v -> Math.abs(v) > bound).count();
      double p = 2 * NormalMath.survival(bound);
      double expected = n * p;
      double sd = Math.sqrt(n * p * (1 - p));
      assertEquals(expected, beyond, 5 * sd, "|Z| > " + bound);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1, 2, 3, 3.4, 3.6, 5})
  void truncatedDrawsAreTheConditionedNormal(double h) {
    double[] z = new double[N];
    Ziggurat.fillTruncated(z, 0, N, new Rng(4), 0, 1, h);
    for (double v : z) {
      assertTrue(Math.abs(v) <= h, v + " beyond " + h);
    }
    double low = NormalMath.cdf(-h);
    double mass = 1 - 2 * low;
    assertTrue(ks(z, v -> (NormalMath.cdf(v) - low) / mass) < critical(N), "truncated at " + h);
  }

  @Test
  void splittingARangeAtBlockMultiplesKeepsTheValues() {
    double[] whole = new double[3 * Ziggurat.BLOCK + 17];
    double[] parts = new double[whole.length];
    Ziggurat.STANDARD.fill(whole, 0, whole.length, new Rng(5), 1, 2);
    Rng rng = new Rng(5);
    Ziggurat.STANDARD.fill(parts, 0, Ziggurat.BLOCK, rng, 1, 2);
    Ziggurat.STANDARD.fill(parts, Ziggurat.BLOCK, whole.length, rng, 1, 2);
    assertArrayEquals(whole, parts);
  }
}
