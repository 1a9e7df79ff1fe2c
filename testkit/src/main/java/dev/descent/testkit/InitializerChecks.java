package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.initializers.PredictableInitializer;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.sampling.ChunkedFill;
import dev.descent.initializers.sampling.FillExecutor;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import dev.descent.spec.Provider;
import dev.descent.spec.Registry;
import dev.descent.spec.Spec;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The checks of the initializer contract, as plain methods that throw {@link AssertionError}: {@link
 * InitializerContract} runs each as a test, and {@link #dynamicTests} makes them dynamic tests for a
 * {@code @TestFactory} over many schemes. Stateless.
 */
public final class InitializerChecks {
  private static final int MOMENT_SAMPLES = 60_000;

  private InitializerChecks() {}

  /**
   * What one scheme is checked against.
   *
   * @param registry the registry it must be found in
   * @param spec a valid spec of it, such as {@code my_scheme} or {@code my_scheme(k=2)}
   * @param shapes the shapes it claims to fill
   * @param invalidSpecs specs it must reject, each with the parameter its message must name
   */
  public record Subject(Registry<Initializer> registry, String spec, List<Shape> shapes,
      Map<String, String> invalidSpecs) {
    /** The provider's name, from the spec. */
    public String name() {
      return Spec.parse(spec).name();
    }

    @Override
    public String toString() {
      return spec;
    }
  }

  /** Each check of the contract as a dynamic test named after it. */
  public static Stream<DynamicTest> dynamicTests(Subject s) {
    return Stream.of(
        DynamicTest.dynamicTest(s + ": is found by name", () -> isFoundByName(s)),
        DynamicTest.dynamicTest(s + ": listing entry is complete", () -> listingEntryIsComplete(s)),
        DynamicTest.dynamicTest(s + ": spec round-trips", () -> specRoundTrips(s)),
        DynamicTest.dynamicTest(s + ": deterministic for a seed", () -> isDeterministicForASeed(s)),
        DynamicTest.dynamicTest(s + ": fills every shape it claims", () -> fillsEveryShapeItClaims(s)),
        DynamicTest.dynamicTest(s + ": validates its parameters", () -> validatesItsParameters(s)),
        DynamicTest.dynamicTest(s + ": predicted distribution matches", () -> predictedDistributionMatches(s)));
  }

  /** The provider is registered under its name, so specs and {@code descent list} find it. */
  public static void isFoundByName(Subject s) {
    assertTrue(s.registry().contains(s.name()), () -> "no initializer named '" + s.name()
        + "' is registered; annotate its provider with @AutoService(InitializerProvider.class) or list it in "
        + "META-INF/services/dev.descent.init.InitializerProvider; registered: " + s.registry().names());
    Provider<Initializer> p = s.registry().provider(s.name());
    for (String alias : p.aliases()) {
      assertEquals(p, s.registry().provider(alias), "alias " + alias);
    }
    s.registry().resolve(s.spec());
  }

  /** Name, description and every parameter's declaration are there for {@code descent list}. */
  public static void listingEntryIsComplete(Subject s) {
    Provider<Initializer> p = s.registry().provider(s.name());
    assertTrue(p.name().matches("[a-z][a-z0-9_]*"), () -> "name '" + p.name() + "' must be lower_snake_case");
    for (String alias : p.aliases()) {
      assertTrue(alias.matches("[a-z][a-z0-9_]*"), () -> "alias '" + alias + "' must be lower_snake_case");
    }
    assertFalse(p.description() == null || p.description().isBlank(), "the description is empty");
    assertEquals(1, p.description().lines().count(), "the description must be one line");
    Set<String> names = new HashSet<>();
    for (ParamSpec param : p.parameters()) {
      assertTrue(names.add(param.name()), () -> "parameter '" + param.name() + "' is declared twice");
      assertTrue(param.name().matches("[a-z][a-z0-9_]*"), () -> "parameter '" + param.name() + "' must be lower_snake_case");
      assertFalse(param.description().isBlank(), () -> "parameter '" + param.name() + "' has no description");
    }
    if (p.parameters().stream().noneMatch(ParamSpec::required)) {
      s.registry().resolve(p.name());
    }
  }

  /** {@code spec()} rebuilds an equal scheme: the same values for the same seed. */
  public static void specRoundTrips(Subject s) {
    Initializer init = s.registry().resolve(s.spec());
    Initializer again = s.registry().resolve(init.spec());
    Shape shape = s.shapes().get(0);
    assertArrayEquals(values(init, shape, DType.FLOAT64, 17), values(again, shape, DType.FLOAT64, 17),
        () -> "'" + init.spec() + "' rebuilds a different scheme");
  }

  /**
   * The same seed gives the same values, also when a large tensor is filled on one thread or
   * several; another seed gives other values unless the scheme draws nothing at random.
   */
  public static void isDeterministicForASeed(Subject s) {
    Initializer init = s.registry().resolve(s.spec());
    for (Shape shape : s.shapes()) {
      assertArrayEquals(values(init, shape, DType.FLOAT32, 1), values(init, shape, DType.FLOAT32, 1),
          () -> "two fills with one seed differ for " + shape);
    }
    Shape large = largeShape(s);
    double[][] one = new double[1][];
    double[][] two = new double[1][];
    FillExecutor.withThreads(1, () -> one[0] = values(init, large, DType.FLOAT32, 5));
    FillExecutor.withThreads(2, () -> two[0] = values(init, large, DType.FLOAT32, 5));
    assertArrayEquals(one[0], two[0], () -> "one thread and two give different values for " + large);
  }

  /** Every element of every claimed shape, in both dtypes, is written with a finite value. */
  public static void fillsEveryShapeItClaims(Subject s) {
    Initializer init = s.registry().resolve(s.spec());
    for (Shape shape : s.shapes()) {
      for (DType dtype : DType.values()) {
        Tensor t = Tensor.zeros(dtype, shape);
        t.fill(Double.NaN);
        init.fill(t, Fans.of(shape), new SplittableRandom(3));
        for (int i = 0; i < t.size(); i++) {
          double v = t.get(i);
          if (!Double.isFinite(v)) {
            fail(String.format("%s left element %d of a %s %s tensor %s", s.spec(), i, dtype.label(), shape,
                Double.isNaN(v) ? "unwritten (NaN)" : "infinite"));
          }
        }
      }
    }
  }

  /**
   * Each invalid spec is refused with a one-line {@link DescentException} that starts with the
   * scheme's name and names the parameter; an unknown or mistyped parameter is refused too.
   */
  public static void validatesItsParameters(Subject s) {
    Provider<Initializer> p = s.registry().provider(s.name());
    boolean hasNumbers = p.parameters().stream().anyMatch(x -> x.type().kind() == ParamType.Kind.DOUBLE
        || x.type().kind() == ParamType.Kind.INT);
    if (hasNumbers && s.invalidSpecs().isEmpty()) {
      fail(p.name() + " has numeric parameters but the contract lists no invalid specs; override invalidSpecs() "
          + "with specs it must refuse, such as \"" + p.name() + "(" + p.parameters().get(0).name() + "=-1)\"");
    }
    for (Map.Entry<String, String> bad : s.invalidSpecs().entrySet()) {
      DescentException e = assertThrows(DescentException.class, () -> s.registry().resolve(bad.getKey()),
          () -> "'" + bad.getKey() + "' was accepted");
      assertOneLineNaming(e, p.name(), bad.getValue(), bad.getKey());
    }
    DescentException unknown = assertThrows(DescentException.class,
        () -> s.registry().resolve(p.name() + "(no_such_parameter=1)"));
    assertOneLineNaming(unknown, p.name(), "no_such_parameter", "an unknown parameter");
    for (ParamSpec param : p.parameters()) {
      if (param.type().kind() == ParamType.Kind.DOUBLE || param.type().kind() == ParamType.Kind.INT) {
        DescentException e = assertThrows(DescentException.class,
            () -> s.registry().resolve(p.name() + "(" + param.name() + "=abc)"));
        assertOneLineNaming(e, p.name(), param.name(), param.name() + "=abc");
      }
    }
  }

  private static void assertOneLineNaming(DescentException e, String name, String param, String what) {
    String m = e.getMessage();
    assertEquals(1, m.lines().count(), () -> what + ": the message must be one line: " + m);
    assertTrue(m.startsWith(name + ":"), () -> what + ": the message must start with '" + name + ":': " + m);
    assertTrue(m.contains("'" + param + "'"), () -> what + ": the message must name '" + param + "': " + m);
  }

  /**
   * When the scheme predicts its distribution ({@link PredictableInitializer}), fills agree with it:
   * every value within [min, max], and the sample mean and standard deviation within six standard
   * errors and 3% of the prediction. Skipped (passes) for schemes that predict nothing.
   */
  public static void predictedDistributionMatches(Subject s) {
    Initializer init = s.registry().resolve(s.spec());
    if (!(init instanceof PredictableInitializer predictable)) {
      return;
    }
    for (Shape shape : s.shapes()) {
      Distribution d = predictable.distribution(shape, Fans.of(shape));
      List<Double> all = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(29);
      Tensor t = Tensor.zeros(DType.FLOAT64, shape);
      while (all.size() < MOMENT_SAMPLES && t.size() > 0) {
        init.fill(t, Fans.of(shape), random);
        for (int i = 0; i < t.size(); i++) {
          all.add(t.get(i));
        }
      }
      if (all.isEmpty()) {
        continue;
      }
      double mean = all.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double var = all.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / all.size();
      for (double v : all) {
        assertTrue(v >= d.min() && v <= d.max(), () -> s.spec() + " " + shape + ": " + v + " outside the predicted ["
            + d.min() + ", " + d.max() + "]");
      }
      double se = d.std() / Math.sqrt(all.size());
      assertEquals(d.mean(), mean, 6 * se + 1e-12, () -> s.spec() + " " + shape + ": mean vs predicted " + d.describe());
      assertEquals(d.std(), Math.sqrt(var), 0.03 * d.std() + 1e-12,
          () -> s.spec() + " " + shape + ": std vs predicted " + d.describe());
    }
  }

  private static Shape largeShape(Subject s) {
    Shape first = s.shapes().get(0);
    int cols = Math.max(1, first.cols());
    int rows = (ChunkedFill.PARALLEL_THRESHOLD + cols - 1) / cols + 1;
    int[] dims = first.dims();
    if (dims.length == 1) {
      return Shape.of(rows * cols);
    }
    dims[dims.length - 2] = rows;
    for (int i = 0; i < dims.length - 2; i++) {
      dims[i] = 1;
    }
    return Shape.of(dims);
  }

  private static double[] values(Initializer init, Shape shape, DType dtype, long seed) {
    Tensor t = Tensor.zeros(dtype, shape);
    init.fill(t, Fans.of(shape), new SplittableRandom(seed));
    return t.toDoubleArray();
  }
}
