package dev.descent.optimizers.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keras variants reproduce the worked examples of Keras 3's own unit tests
 * ({@code keras/src/optimizers/*_test.py}, copied into {@code keras_goldens.txt}) in float32, as
 * Keras runs them, at those tests' tolerances.
 */
class KerasGoldenTest {
  record Single(String name, double[] expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Golden(String spec, List<double[]> rows) {
    @Override
    public String toString() {
      return spec;
    }
  }

  static final List<Single> SINGLES = new ArrayList<>();
  static final List<Golden> GOLDENS = new ArrayList<>();

  static {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        KerasGoldenTest.class.getResourceAsStream("/reference/keras_goldens.txt"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] w = line.split(" ");
        switch (w[0]) {
          case "single" -> SINGLES.add(new Single(w[1], numbers(w, 2)));
          case "golden" -> GOLDENS.add(new Golden(line.substring(7), new ArrayList<>()));
          case "row" -> GOLDENS.get(GOLDENS.size() - 1).rows().add(numbers(w, 1));
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<Single> singles() {
    return SINGLES;
  }

  static List<Golden> goldens() {
    return GOLDENS;
  }

  private static double[] numbers(String[] w, int from) {
    return Arrays.stream(w, from, w.length).mapToDouble(Double::parseDouble).toArray();
  }

  static Parameter parameter(double... values) {
    Tensor t = Tensor.zeros(DType.FLOAT32, 1, values.length);
    for (int i = 0; i < values.length; i++) {
      t.set(i, values[i]);
    }
    return Parameter.of("x", t, true);
  }

  static void step(Optimizer o, Parameter p, double... grad) {
    for (int i = 0; i < grad.length; i++) {
      p.grad().set(i, grad[i]);
    }
    o.step(List.of(p));
  }

  static void assertClose(double[] expected, Parameter p, double tolerance, String what) {
    for (int i = 0; i < expected.length; i++) {
      double actual = p.value().get(i);
      assertEquals(expected[i], actual, tolerance + tolerance * Math.abs(expected[i]), what + " [" + i + "]");
    }
  }

  /** test_single_step: learning_rate=0.5, vars [1, 2, 3, 4], grads [1, 6, 7, 2]. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("singles")
  void singleStep(Single s) {
    Parameter p = parameter(1, 2, 3, 4);
    step(Optimizers.resolve(s.name() + "(learning_rate=0.5)"), p, 1, 6, 7, 2);
    assertClose(s.expected(), p, 1e-4, s.name());
  }

  /** test_weight_decay: three optimizers with weight_decay=0.004 and zero gradients take 2 to 1.9760959. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("singles")
  void weightDecay(Single s) {
    Parameter p = parameter(2);
    for (int k = 0; k < 3; k++) {
      step(Optimizers.resolve(s.name() + "(learning_rate=1, weight_decay=0.004)"), p, 0);
    }
    assertEquals(1.9760959, p.value().get(0), 1e-6, s.name());
  }

  /** test_correctness_with_golden: ones(10), a step with grads 0.01, then grads 0.1, 0.2, ..., 1.0. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void correctnessWithGolden(Golden g) {
    Optimizer o = Optimizers.resolve(g.spec());
    double[] ones = new double[10];
    Arrays.fill(ones, 1);
    Parameter p = parameter(ones);
    double[] first = new double[10];
    Arrays.fill(first, 0.01);
    double[] grads = new double[10];
    for (int i = 0; i < 10; i++) {
      grads[i] = 0.1 * (i + 1);
    }
    step(o, p, first);
    for (int k = 0; k < g.rows().size(); k++) {
      assertClose(g.rows().get(k), p, 5e-4, g.spec() + " row " + k);
      step(o, p, grads);
    }
  }

  /** The RMSprop docstring: one step of learning rate 0.1 on var²/2 from 10 gives 9.683772. */
  @Test
  void rmspropDocstringExample() {
    Parameter p = parameter(10);
    step(Optimizers.resolve("keras_rmsprop(learning_rate=0.1)"), p, 10);
    assertEquals(9.683772, p.value().get(0), 1e-6);
  }

  @Test
  void everyKerasVariantHasGoldens() {
    List<String> names = Optimizers.registry().names().stream().filter(n -> n.startsWith("keras_")).sorted().toList();
    assertEquals(names, SINGLES.stream().map(Single::name).sorted().toList());
  }
}
