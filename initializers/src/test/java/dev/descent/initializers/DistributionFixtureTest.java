package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.testing.Samples;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scheme draws from the distribution its framework documents, for several fan combinations.
 *
 * <p>The reference distributions, their moments and bounds come from {@code
 * initializers-distributions.txt}, written by {@code src/test/python/make_fixtures.py} from
 * PyTorch's own fan and gain functions and scipy (PyTorch schemes, whose reference is also checked
 * there against torch.nn.init's samples), or from the Keras 3 source formulas and scipy (Keras
 * schemes); never from Descent's output.
 *
 * <p><b>Statistical test.</b> For each case the scheme fills FLOAT32 tensors of the case's shape
 * from a fixed seed until at least {@value #MIN_SAMPLES} values are drawn; the largest gap between
 * the empirical distribution function and the reference at the reference's 999 quantiles k/1000
 * (a lower bound of the Kolmogorov–Smirnov statistic) must stay below the KS critical value at
 * α = {@value #ALPHA}. For a correct scheme and a random seed each case would fail with probability
 * at most 0.01%, so at most about 1% for the whole table of ~100 cases; the seeds are fixed, so the
 * outcome is fixed too. For {@code orthogonal} the values of one matrix are weakly dependent, so its rate is
 * approximate.
 */
class DistributionFixtureTest {
  static final int MIN_SAMPLES = 60_000;
  static final double ALPHA = 1e-4;
  private static final double[] PROBABILITIES = IntStream.rangeClosed(1, 999).mapToDouble(k -> k / 1000.0).toArray();

  record Case(int line, String spec, Shape shape, Fans fans, double zeroProbability, double mean, double std, double min,
      double max, double[] quantiles, String source) {
    @Override
    public String toString() {
      return spec + " " + shape;
    }
  }

  static Stream<Arguments> cases() {
    List<String[]> rows = Fixtures.read("initializers-distributions.txt");
    return IntStream.range(0, rows.size()).mapToObj(i -> {
      String[] f = rows.get(i);
      double[] fans = Fixtures.doubles(f[2]);
      Case c = new Case(i, f[0], Shape.of(Arrays.stream(Fixtures.doubles(f[1])).mapToInt(d -> (int) d).toArray()),
          new Fans((int) fans[0], (int) fans[1]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[5]), parse(f[6]), parse(f[7]), Fixtures.doubles(f[8]), f[9]);
      return Arguments.of(c);
    });
  }

  private static double parse(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fansFollowTheFrameworks(Case c) {
    assertEquals(c.fans(), Fans.of(c.shape()), "Keras's compute_fans and PyTorch's fans of the same layer");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void predictedMomentsAndBoundsMatchThePublishedFormula(Case c) {
    Initializer init = Initializers.resolve(c.spec());
    Distribution d = PredictableInitializer.of(init, c.shape(), c.fans()).orElseThrow();
    double continuous = 1 - c.zeroProbability();
    Fixtures.assertClose(continuous * c.mean(), d.mean(), 1e-9, 1e-12, c + " mean");
    Fixtures.assertClose(Math.sqrt(continuous) * c.std(), d.std(), 1e-9, 1e-12, c + " std");
    if (c.zeroProbability() == 0) {
      assertBound(c.min(), d.min(), c + " min");
      assertBound(c.max(), d.max(), c + " max");
    } else {
      assertEquals(c.zeroProbability(), d.atoms().get(0).probability(), 1e-12, c + " P(0)");
    }
  }

  private static void assertBound(double expected, double actual, String what) {
    if (Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
    } else {
      Fixtures.assertClose(expected, actual, 1e-12, 0, what);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void drawsFromTheDocumentedDistribution(Case c) {
    Initializer init = Initializers.resolve(c.spec());
    double[] all = Samples.draw(init, c.shape(), MIN_SAMPLES, 7919L * (c.line() + 1), DType.FLOAT32);
    double[] values = c.zeroProbability() == 0 ? all : Arrays.stream(all).filter(v -> v != 0).toArray();
    if (c.zeroProbability() > 0) {
      assertEquals(c.zeroProbability(), 1 - (double) values.length / all.length, 1e-12, c + ": fraction of zeros");
    }
    double lo = c.min() - 1e-6 * Math.abs(c.min());
    double hi = c.max() + 1e-6 * Math.abs(c.max());
    for (double v : values) {
      assertTrue(v >= lo && v <= hi, () -> c + ": value " + v + " outside [" + c.min() + ", " + c.max() + "]");
    }
    double d = Samples.ksOnGrid(values, c.quantiles(), PROBABILITIES);
    double critical = Samples.ksCritical(values.length, ALPHA);
    assertTrue(d < critical, () -> String.format("%s (%s): KS distance %.5f ≥ critical %.5f for n=%d",
        c, c.source(), d, critical, values.length));
  }
}
