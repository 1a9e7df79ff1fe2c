package dev.descent.optimizers.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.optim.Optimizers;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradients agree with central differences; the listed stationary points are stationary. */
class SurfaceTest {

  static Stream<String> surfaces() {
    return Surfaces.registry().names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surfaces")
  void gradientMatchesCentralDifferences(String name) {
    TestSurface s = Surfaces.resolve(name);
    SplittableRandom r = new SplittableRandom(3);
    double[] g = new double[2];
    double[] w = s.window();
    for (int k = 0; k < 50; k++) {
      double x = r.nextDouble(w[0], w[1]);
      double y = r.nextDouble(w[2], w[3]);
      s.gradient(x, y, g);
      double h = 1e-6;
      double gx = (s.value(x + h, y) - s.value(x - h, y)) / (2 * h);
      double gy = (s.value(x, y + h) - s.value(x, y - h)) / (2 * h);
      assertEquals(gx, g[0], 1e-6 * Math.max(1, Math.abs(gx)), name + " ∂f/∂x at " + x + ", " + y);
      assertEquals(gy, g[1], 1e-6 * Math.max(1, Math.abs(gy)), name + " ∂f/∂y at " + x + ", " + y);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surfaces")
  void criticalPointsAreStationaryAndMinimaAreLowest(String name) {
    TestSurface s = Surfaces.resolve(name);
    double[] g = new double[2];
    double lowest = Double.POSITIVE_INFINITY;
    for (CriticalPoint p : s.criticalPoints()) {
      s.gradient(p.x(), p.y(), g);
      assertEquals(0, Math.hypot(g[0], g[1]), 1e-9, name + " at " + p);
      if (p.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
        lowest = Math.min(lowest, s.value(p.x(), p.y()));
      }
    }
    if (lowest < Double.POSITIVE_INFINITY) {
      SplittableRandom r = new SplittableRandom(5);
      double[] w = s.window();
      for (int k = 0; k < 1000; k++) {
        assertTrue(s.value(r.nextDouble(w[0], w[1]), r.nextDouble(w[2], w[3])) >= lowest - 1e-12, name);
      }
    }
    assertEquals(s.spec(), Surfaces.resolve(s.spec()).spec());
  }

  @Test
  void knownValues() {
    assertEquals(0, Surfaces.resolve("rosenbrock").value(1, 1));
    assertEquals(0, Surfaces.resolve("beale").value(3, 0.5), 1e-15);
    assertEquals(-1.031628453489877, Surfaces.resolve("six_hump_camel").value(0.08984201310031807, -0.7126564030207396), 1e-12);
    assertEquals(1 + 2 * 100, Surfaces.resolve("quadratic(a=1, b=100)").value(1, Math.sqrt(2)), 1e-12);
    assertThrows(DescentException.class, () -> Surfaces.resolve("quadratic(a=-1)"));
  }

  @Test
  void adamFindsTheQuadraticsMinimum() {
    TestSurface s = Surfaces.resolve("quadratic(a=1, b=10)");
    double[][] path = new SurfaceDescent(s, Optimizers.resolve("adam(lr=0.1)"), -1.8, 1.2).run(500);
    double[] last = path[path.length - 1];
    assertEquals(501, path.length);
    assertTrue(Math.hypot(last[0], last[1]) < 1e-2, "ended at " + last[0] + ", " + last[1]);
  }
}
