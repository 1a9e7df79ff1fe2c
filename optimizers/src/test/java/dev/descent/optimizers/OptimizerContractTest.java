package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import dev.descent.optim.Optimizers;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.Provider;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contracts every registered optimizer keeps: state round trips, spec round trips, validation. */
class OptimizerContractTest {

  /** Every registered rule at defaults, plus settings that create every optional buffer. */
  static Stream<String> specs() {
    List<String> specs = new ArrayList<>(Optimizers.registry().names());
    specs.addAll(List.of(
        "sgd(lr=0.01, momentum=0.9, nesterov=true)",
        "sgd(lr=0.01, momentum=0.9, dampening=0.5, weight_decay=0.1)",
        "rmsprop(momentum=0.9, centered=true)",
        "adam(amsgrad=true, weight_decay=0.1)",
        "adamw(amsgrad=true)",
        "nadam(weight_decay=0.1, decoupled_weight_decay=true)",
        "asgd(t0=2)",
        "keras_sgd(momentum=0.9, nesterov=true, weight_decay=0.01)",
        "keras_rmsprop(momentum=0.5, centered=true)",
        "keras_adam(amsgrad=true, weight_decay=0.1)"));
    return specs.stream();
  }

  static Stream<Arguments> specsAndDtypes() {
    return specs().flatMap(s -> Stream.of(Arguments.of(s, DType.FLOAT32), Arguments.of(s, DType.FLOAT64)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("specsAndDtypes")
  void saveRestoreContinuesBitForBit(String spec, DType dtype) {
    Model uninterrupted = new Model(dtype, 7);
    Optimizer a = Optimizers.resolve(spec);
    uninterrupted.run(a, 5);
    OptimizerState snapshot = a.state();
    List<double[]> valuesAtSnapshot = uninterrupted.values();
    a.setLearningRate(a.learningRate() * 0.5); // as a schedule would; the state records it
    snapshot = a.state();
    uninterrupted.run(a, 6);

    Model resumed = new Model(dtype, 7);
    resumed.setValues(valuesAtSnapshot);
    resumed.skipTo(5);
    Optimizer b = Optimizers.resolve(spec);
    new Model(dtype, 3).run(b, 2); // stale state that restore must replace
    b.restore(snapshot);
    assertEquals(snapshot, b.state(), "restore then state() returns the snapshot");
    resumed.run(b, 6);

    for (int i = 0; i < uninterrupted.parameters.size(); i++) {
      assertArrayEquals(uninterrupted.values().get(i), resumed.values().get(i), spec + " parameter " + i);
    }
    assertEquals(a.state(), b.state(), spec + ": states after continuing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void stateIsKeyedByParameterNameAndCreatedOnFirstStep(String spec) {
    Optimizer o = Optimizers.resolve(spec);
    assertEquals(List.of("lr"), List.copyOf(o.state().names()), "no per-parameter state before the first step");
    new Model(DType.FLOAT64, 1).run(o, 1);
    OptimizerState s = o.state();
    assertTrue(s.names().contains("0.weight/step") && s.names().contains("0.bias/step"), s.toString());
    assertEquals(1.0, s.get("0.weight/step")[0]);
    for (String name : s.names()) {
      assertTrue(name.equals("lr") || name.startsWith("0.weight/") || name.startsWith("0.bias/"), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void specRoundTrips(String spec) {
    Optimizer o = Optimizers.resolve(spec);
    Optimizer again = Optimizers.resolve(o.spec());
    assertEquals(o.spec(), again.spec());
    assertEquals(o.learningRate(), again.learningRate());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void float32FollowsFloat64(String spec) {
    Model single = new Model(DType.FLOAT32, 11);
    Model dbl = new Model(DType.FLOAT64, 11);
    Optimizer a = Optimizers.resolve(spec);
    Optimizer b = Optimizers.resolve(spec);
    single.run(a, 10);
    dbl.run(b, 10);
    for (int i = 0; i < single.parameters.size(); i++) {
      double[] x = single.values().get(i);
      double[] y = dbl.values().get(i);
      for (int j = 0; j < x.length; j++) {
        assertEquals(y[j], x[j], 1e-4 * Math.max(1, Math.abs(y[j])), spec + " element " + j);
      }
    }
  }

  /**
   * A tensor large enough to be split over the workers (and, for float32 without a float kernel,
   * into many blocks) moves each element exactly as a small tensor holding the same values does.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("specsAndDtypes")
  void largeTensorsSplitOverTheCoresMoveLikeSmallOnes(String spec, DType dtype) {
    if (spec.startsWith("lamb")) {
      return; // LAMB's trust ratio couples the elements of a tensor; covered by its reference test
    }
    int big = dev.descent.optimizers.parallel.ParallelRanges.MIN_PARALLEL * 2 + 77;
    int small = 1000;
    Parameter large = Parameter.of("w", Tensor.zeros(dtype, 1, big), true);
    Parameter prefix = Parameter.of("w", Tensor.zeros(dtype, 1, small), true);
    Optimizer a = Optimizers.resolve(spec);
    Optimizer b = Optimizers.resolve(spec);
    int offset = big - small; // compare the tail: the last worker's range
    for (int step = 1; step <= 3; step++) {
      for (int i = 0; i < big; i++) {
        double v = step == 1 ? Math.sin(0.01 * i) : large.value().get(i);
        large.value().set(i, v);
        large.grad().set(i, v - Math.cos(i + step));
      }
      for (int i = 0; i < small; i++) {
        prefix.value().set(i, large.value().get(offset + i));
        prefix.grad().set(i, large.grad().get(offset + i));
      }
      a.step(List.of(large));
      b.step(List.of(prefix));
      for (int i = 0; i < small; i++) {
        assertEquals(prefix.value().get(i), large.value().get(offset + i), spec + " step " + step + " element " + i);
      }
    }
  }

  static Stream<Provider<Optimizer>> providers() {
    return Optimizers.registry().providers().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void negativeLearningRateIsAOneLineErrorNamingIt(Provider<Optimizer> p) {
    String lr = p.parameters().get(0).name();
    assertTrue(lr.equals("lr") || lr.equals("learning_rate"), "the learning rate comes first: " + lr);
    DescentException e = assertThrows(DescentException.class, () -> Optimizers.resolve(p.name() + "(" + lr + "=-0.1)"));
    assertOneLine(e, p.name() + ": parameter '" + lr + "' must be a finite number ≥ 0, got -0.1");
    DescentException inf = assertThrows(DescentException.class, () -> Optimizers.resolve(p.name() + "(" + lr + "=inf)"));
    assertOneLine(inf, "'" + lr + "'");
    Optimizer o = Optimizers.resolve(p.name());
    assertOneLine(assertThrows(DescentException.class, () -> o.setLearningRate(-1)), "'" + lr + "'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void betasOutsideTheUnitIntervalAreRejected(Provider<Optimizer> p) {
    for (ParamSpec param : p.parameters()) {
      if (param.name().startsWith("beta")) {
        // Keras lets Lion's β₁ reach 1 (and not 0); every other β must lie in [0, 1).
        boolean kerasLionBeta1 = p.name().equals("keras_lion") && param.name().equals("beta_1");
        for (String bad : kerasLionBeta1 ? List.of("0", "-0.1", "1.5") : List.of("1", "-0.1", "1.5")) {
          DescentException e = assertThrows(DescentException.class,
              () -> Optimizers.resolve(p.name() + "(" + param.name() + "=" + bad + ")"));
          assertOneLine(e, "parameter '" + param.name() + "' must be in " + (kerasLionBeta1 ? "(0, 1]" : "[0, 1)"));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void everyNumericParameterRejectsNegativeValuesItDoesNotAllow(Provider<Optimizer> p) {
    for (ParamSpec param : p.parameters()) {
      if (param.type().kind() == dev.descent.spec.ParamType.Kind.DOUBLE) {
        String spec = p.name() + "(" + param.name() + "=-1)";
        DescentException e = assertThrows(DescentException.class, () -> Optimizers.resolve(spec), spec);
        assertOneLine(e, "parameter '" + param.name() + "'");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void unknownParameterIsAnError(Provider<Optimizer> p) {
    DescentException e = assertThrows(DescentException.class, () -> Optimizers.resolve(p.name() + "(betas=0.9)"));
    assertOneLine(e, "unknown parameter 'betas'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void everyProviderDocumentsItsParameters(Provider<Optimizer> p) {
    assertFalse(p.description().isBlank());
    for (ParamSpec param : p.parameters()) {
      assertFalse(param.description().isBlank(), param.name());
      assertFalse(param.required(), param.name() + " has a default");
    }
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    DescentException e = assertThrows(DescentException.class, () -> Optimizers.resolve("adamm"));
    assertOneLine(e, "unknown optimizer 'adamm'");
    assertTrue(e.getMessage().contains("adam"), e.getMessage());
  }

  @Test
  void specificValidationMessages() {
    assertOneLine(assertThrows(DescentException.class, () -> Optimizers.resolve("sgd(lr=0.1, nesterov=true)")),
        "sgd: nesterov=true needs momentum > 0 and dampening = 0, got momentum=0, dampening=0");
    assertOneLine(assertThrows(DescentException.class, () -> Optimizers.resolve("rprop(etaminus=1.5)")),
        "rprop: parameter 'etaminus' must be in (0, 1), got 1.5");
    assertOneLine(assertThrows(DescentException.class, () -> Optimizers.resolve("rprop(etaplus=0.9)")),
        "rprop: parameter 'etaplus' must be a finite number > 1, got 0.9");
    assertOneLine(assertThrows(DescentException.class, () -> Optimizers.resolve("rprop(step_size_min=1, step_size_max=0.5)")),
        "rprop: parameter 'step_size_max' must be ≥ step_size_min = 1, got 0.5");
    assertOneLine(assertThrows(DescentException.class, () -> Optimizers.resolve("adam(amsgrad=maybe)")),
        "adam: parameter 'amsgrad' must be true or false, got 'maybe'");
    assertOneLine(assertThrows(DescentException.class, () -> Optimizers.resolve("rmsprop(alpha=1.5)")),
        "rmsprop: parameter 'alpha' must be in [0, 1], got 1.5");
  }

  @Test
  void restoreRejectsForeignOrMismatchedState() {
    Optimizer adam = Optimizers.resolve("adam");
    new Model(DType.FLOAT64, 1).run(adam, 1);
    Optimizer sgd = Optimizers.resolve("sgd(momentum=0.9)");
    DescentException e = assertThrows(DescentException.class, () -> sgd.restore(adam.state()));
    assertOneLine(e, "sgd: unknown state entry '0.weight/exp_avg'");

    Optimizer other = Optimizers.resolve("adam");
    other.restore(adam.state());
    Model bigger = new Model(DType.FLOAT64, 1, 5);
    DescentException size = assertThrows(DescentException.class, () -> bigger.run(other, 1));
    assertOneLine(size, "adam: the restored state of parameter '0.weight' has 6 values but the parameter has 15");
  }

  @Test
  void aParameterThatChangesShapeIsAnError() {
    Optimizer adam = Optimizers.resolve("adam");
    new Model(DType.FLOAT64, 1).run(adam, 1);
    DescentException e = assertThrows(DescentException.class, () -> new Model(DType.FLOAT32, 1).run(adam, 1));
    assertOneLine(e, "changed from 6 float64 values to 6 float32 values");
  }

  @Test
  void setLearningRateValidates() {
    Optimizer o = Optimizers.resolve("adam");
    assertOneLine(assertThrows(DescentException.class, () -> o.setLearningRate(Double.NaN)), "'lr'");
    o.setLearningRate(0.5);
    assertEquals(0.5, o.learningRate());
    assertNotEquals(o.spec(), "adam(lr=0.5)", "the spec keeps the configured rate");
  }

  static void assertOneLine(Exception e, String fragment) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }

  /** Two parameters (0.weight 3×2, 0.bias 1×3 by default) with a fixed pseudo-random gradient field. */
  static final class Model {
    final List<Parameter> parameters = new ArrayList<>();
    private final long seed;
    private int step;

    Model(DType dtype, long seed) {
      this(dtype, seed, 2);
    }

    Model(DType dtype, long seed, int cols) {
      this.seed = seed;
      SplittableRandom r = new SplittableRandom(seed);
      Tensor w = Tensor.zeros(dtype, 3, cols);
      Tensor b = Tensor.zeros(dtype, 1, 3);
      for (Tensor t : List.of(w, b)) {
        for (int i = 0; i < t.size(); i++) {
          t.set(i, r.nextDouble(-1, 1));
        }
      }
      parameters.add(Parameter.of("0.weight", w, true));
      parameters.add(Parameter.of("0.bias", b, false));
    }

    /** Steps {@code optimizer} {@code n} times on gradients g = θ − sin(step + index). */
    void run(Optimizer optimizer, int n) {
      for (int s = 0; s < n; s++) {
        step++;
        for (Parameter p : parameters) {
          for (int i = 0; i < p.value().size(); i++) {
            p.grad().set(i, p.value().get(i) - Math.sin(step + i + seed));
          }
        }
        optimizer.step(parameters);
      }
    }

    void skipTo(int step) {
      this.step = step;
    }

    List<double[]> values() {
      return parameters.stream().map(p -> p.value().toDoubleArray()).toList();
    }

    void setValues(List<double[]> values) {
      for (int i = 0; i < parameters.size(); i++) {
        Tensor t = parameters.get(i).value();
        for (int j = 0; j < t.size(); j++) {
          t.set(j, values.get(i)[j]);
        }
      }
    }
  }
}
