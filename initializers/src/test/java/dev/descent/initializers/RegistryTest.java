package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.testing.Samples;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.Provider;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered provider: found by name, documented, round-trips its spec, fills what it claims. */
class RegistryTest {
  /** Specs for providers with required parameters. */
  private static final Map<String, String> EXAMPLES = Map.of("sparse", "sparse(sparsity=0.2)");

  static Stream<Provider<Initializer>> providers() {
    return Initializers.registry().providers().stream();
  }

  private static Initializer example(Provider<Initializer> p) {
    return Initializers.resolve(EXAMPLES.getOrDefault(p.name(), p.name()));
  }

  @Test
  void everySchemeOfTheIssueIsRegistered() {
    Set<String> expected = Set.of("zeros", "ones", "constant", "random_uniform", "random_normal", "truncated_normal",
        "variance_scaling", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform",
        "lecun_normal", "orthogonal", "identity", "uniform", "normal", "trunc_normal", "xavier_uniform",
        "xavier_normal", "kaiming_uniform", "kaiming_normal", "eye", "sparse", "pytorch_linear_default",
        "keras_dense_default", "lsuv", "auto");
    assertEquals(expected, Set.copyOf(Initializers.registry().names()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void listingEntryIsComplete(Provider<Initializer> p) {
    assertTrue(p.name().matches("[a-z][a-z0-9_]*"), p.name());
    assertFalse(p.description().isBlank(), p.name());
    assertEquals(1, p.description().lines().count(), p.name() + ": one-line description");
    for (ParamSpec param : p.parameters()) {
      assertFalse(param.description().isBlank(), p.name() + "." + param.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void specRoundTripsToTheSameValues(Provider<Initializer> p) {
    Initializer init = example(p);
    Initializer again = Initializers.resolve(init.spec());
    assertEquals(init.spec(), again.spec());
    Tensor a = Tensor.zeros(DType.FLOAT64, 30, 20);
    Tensor b = Tensor.zeros(DType.FLOAT64, 30, 20);
    init.fill(a, Fans.dense(30, 20), new SplittableRandom(1));
    again.fill(b, Fans.dense(30, 20), new SplittableRandom(1));
    assertArrayEquals(a.doubles(), b.doubles(), p.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void fillsEveryElementWithFiniteValues(Provider<Initializer> p) {
    Initializer init = example(p);
    boolean matrixOnly = Set.of("identity", "eye", "sparse").contains(p.name());
    boolean needsMatrix = Set.of("orthogonal", "lsuv").contains(p.name());
    Shape[] shapes = matrixOnly ? new Shape[] {Shape.of(64, 32), Shape.of(7, 300), Shape.of(1, 1)}
        : needsMatrix ? new Shape[] {Shape.of(64, 32), Shape.of(7, 300), Shape.of(3, 3, 4, 8)}
        : new Shape[] {Shape.of(64, 32), Shape.of(7, 300), Shape.of(3, 3, 4, 8), Shape.of(10), Shape.of(0, 5)};
    for (Shape shape : shapes) {
      for (DType dtype : DType.values()) {
        Tensor t = Tensor.zeros(dtype, shape);
        t.fill(Double.NaN);
        init.fill(t, Fans.of(shape), new SplittableRandom(2));
        assertTrue(t.allFinite(), p.name() + " " + shape + " " + dtype);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void predictedDistributionMatchesItsFills(Provider<Initializer> p) {
    Initializer init = example(p);
    assertInstanceOf(PredictableInitializer.class, init, p.name());
    Shape shape = Shape.of(200, 100);
    Distribution d = PredictableInitializer.of(init, shape, Fans.of(shape)).orElseThrow();
    double[] values = Samples.draw(init, shape, 100_000, 3, DType.FLOAT64);
    double mean = Samples.mean(values);
    double std = Samples.std(values);
    assertEquals(d.mean(), mean, 6 * d.std() / Math.sqrt(values.length) + 1e-12, p.name() + " mean");
    assertEquals(d.std(), std, 0.02 * d.std() + 1e-12, p.name() + " std");
    for (double v : values) {
      assertTrue(v >= d.min() && v <= d.max(), p.name() + ": " + v + " outside [" + d.min() + ", " + d.max() + "]");
    }
    assertFalse(d.describe().isBlank());
  }
}
