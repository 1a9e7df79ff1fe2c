package dev.descent.nn;

import static dev.descent.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.spec.Provider;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Activation values and derivatives against PyTorch 1.13 in float64 (fixture {@code
 * reference/activations.txt}, written by {@code src/test/python/make_reference.py}), and against
 * closed forms.
 */
class ActivationReferenceTest {
  /** Relative tolerance: a few ulps (PyTorch's own erf and tanh differ from Java's by an ulp or so). */
  static final double REL = 1e-13;
  /**
   * Absolute floor for values that cancel to nearly zero, such as gelu(−5) = x·(1 + erf(x/√2))/2,
   * where both PyTorch and Descent lose digits to cancellation (Descent's erf is also a few ulps off,
   * see SpecialFunctionsTest).
   */
  static final double ABS = 1e-15;

  @Test
  void valuesAndDerivativesMatchPyTorch() {
    List<String[]> rows = Fixtures.read("activations.txt");
    assertTrue(rows.size() > 200, "fixture looks truncated");
    List<String> failures = new java.util.ArrayList<>();
    for (String[] row : rows) {
      String spec = row[0];
      double x = Double.parseDouble(row[1]);
      double value = Double.parseDouble(row[2]);
      double derivative = Double.parseDouble(row[3]);
      Activation a = Activations.resolve(spec);
      Tensor in = Tensor.of(DType.FLOAT64, 1, 1, x);
      Tensor out = Tensor.zeros(DType.FLOAT64, 1, 1);
      Tensor grad = Tensor.zeros(DType.FLOAT64, 1, 1);
      a.forward(in, out);
      a.backward(in, out, Tensor.of(DType.FLOAT64, 1, 1, 1.0), grad);
      try {
        assertClose(value, out.get(0), REL, ABS, spec + " value at " + x);
        assertClose(derivative, grad.get(0), REL, ABS, spec + " derivative at " + x);
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  @Test
  void everyRegisteredActivationHasReferenceValues() {
    Set<String> covered = Fixtures.read("activations.txt").stream()
        .map(r -> Activations.resolve(r[0]).name()).collect(Collectors.toCollection(TreeSet::new));
    covered.add("softmax"); // covered by softmax.txt
    Set<String> registered = Activations.registry().providers().stream().map(Provider::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(registered, covered, "add the new activation to src/test/python/make_reference.py");
  }

  @Test
  void float32ForwardAndBackwardRoundTheDoubleResult() {
    for (String spec : List.of("gelu", "selu", "softplus(beta=2, threshold=3)", "silu", "elu(alpha=0.5)")) {
      Activation a = Activations.resolve(spec);
      double[] xs = {-2.5, -0.3, 0.7, 2.25};
      Tensor x32 = Tensor.of(DType.FLOAT32, 1, 4, xs);
      Tensor y32 = Tensor.zeros(DType.FLOAT32, 1, 4);
      Tensor g32 = Tensor.zeros(DType.FLOAT32, 1, 4);
      a.forward(x32, y32);
      a.backward(x32, y32, Tensor.of(DType.FLOAT32, 1, 4, 1, 1, 1, 1), g32);
      Tensor x64 = x32.copy(DType.FLOAT64);
      Tensor y64 = Tensor.zeros(DType.FLOAT64, 1, 4);
      Tensor g64 = Tensor.zeros(DType.FLOAT64, 1, 4);
      a.forward(x64, y64);
      a.backward(x64, y64, Tensor.of(DType.FLOAT64, 1, 4, 1, 1, 1, 1), g64);
      for (int i = 0; i < 4; i++) {
        assertEquals((float) y64.get(i), (float) y32.get(i), spec);
        assertClose(g64.get(i), g32.get(i), 1e-6, 1e-7, spec + " derivative (float32)");
      }
    }
  }

  // ------------------------------------------------------------------ closed forms

  @Test
  void geluAtOneIsPhiOfOne() {
    // 1·Φ(1) = 0.841344746068542948585232545632... (Φ(1) from tables)
    assertClose(0.8413447460685429, value("gelu", 1.0), 2e-16, 0, "gelu(1)");
    assertClose(-0.15865525393145705, value("gelu", -1.0), 2e-16, 0, "gelu(-1)");
  }

  @Test
  void geluTanhApproximationFollowsItsFormula() {
    double x = 0.8;
    double expected = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    assertClose(expected, value("gelu(approximate=tanh)", x), 1e-15, 0, "gelu tanh");
  }

  @Test
  void seluUsesTheConstantsOfKlambauerEtAl() {
    // λ and α from the paper (and torch.nn.SELU): 1.0507009873554804934193349852946,
    // 1.6732632423543772848170429916717
    assertClose(1.0507009873554805, value("selu", 1.0), 0, 0, "selu(1) = λ");
    assertClose(1.0507009873554805 * 1.6732632423543772 * Math.expm1(-1), value("selu", -1.0), 1e-15, 0, "selu(-1)");
    assertClose(-1.0507009873554805 * 1.6732632423543772, value("selu", -50.0), 1e-15, 0, "selu(-inf) = -λα");
  }

  @ParameterizedTest(name = "softplus(beta={0}, threshold={1}) at {2}")
  @CsvSource({
      // beta, threshold, x, log(1 + exp(beta·x))/beta or x above the threshold
      "1, 20, 0, 0.6931471805599453",
      "1, 20, 1, 1.3132616875182228",
      "1, 20, 20, 20.000000002061153",
      "1, 20, 20.5, 20.5",
      "2, 3, 1, 1.0634640055214863",
      "2, 3, 1.6, 1.6",
      "0.5, 20, -4, 0.253856022085945",
      "1, 20, -40, 4.248354255291589e-18",
  })
  void softplusFollowsBetaAndThreshold(double beta, double threshold, double x, double expected) {
    assertClose(expected, value("softplus(beta=" + beta + ", threshold=" + threshold + ")", x), 1e-15, 0,
        "softplus");
  }

  @Test
  void leakyReluDefaultSlopeIsPyTorchs() {
    assertEquals(-0.03, value("leaky_relu", -3), 1e-17);
  }

  @Test
  void aliasesResolveToTheSameFunction() {
    assertEquals(Activations.resolve("identity"), Activations.resolve("linear"));
    assertEquals(Activations.resolve("sigmoid"), Activations.resolve("logistic"));
    assertEquals(Activations.resolve("silu"), Activations.resolve("swish"));
    assertEquals(Activations.resolve("gelu"), Activations.resolve("GELU(approximate=NONE)"));
  }

  @Test
  void specRoundTrips() {
    for (String spec : List.of("leaky_relu(negative_slope=0.2)", "elu(alpha=0.5)", "gelu(approximate=tanh)",
        "softplus(beta=2, threshold=3)", "relu", "softmax")) {
      Activation a = Activations.resolve(spec);
      assertEquals(a, Activations.resolve(a.spec()), spec);
    }
  }

  @Test
  void invalidParametersAreRejectedNamingTheParameter() {
    assertMessage("softplus(beta=0)", "softplus", "beta");
    assertMessage("elu(alpha=-1)", "elu", "alpha");
    assertMessage("gelu(approximate=tanhh)", "approximate", "tanh");
    assertMessage("leaky_relu(slope=0.1)", "slope", "negative_slope");
  }

  static void assertMessage(String spec, String... parts) {
    DescentException e = assertThrows(DescentException.class, () -> Activations.resolve(spec));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> spec + ": " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ softmax

  @Test
  void softmaxMatchesPyTorchForwardAndBackward() {
    Activation softmax = Activations.resolve("softmax");
    for (String[] row : Fixtures.read("softmax.txt")) {
      int rows = Integer.parseInt(row[0]);
      int cols = Integer.parseInt(row[1]);
      Tensor x = Tensor.of(DType.FLOAT64, rows, cols, Fixtures.doubles(row[2]));
      Tensor upstream = Tensor.of(DType.FLOAT64, rows, cols, Fixtures.doubles(row[3]));
      double[] y = Fixtures.doubles(row[4]);
      double[] gx = Fixtures.doubles(row[5]);
      Tensor out = Tensor.zeros(DType.FLOAT64, rows, cols);
      Tensor grad = Tensor.zeros(DType.FLOAT64, rows, cols);
      softmax.forward(x, out);
      softmax.backward(x, out, upstream, grad);
      for (int i = 0; i < y.length; i++) {
        assertClose(y[i], out.get(i), 1e-14, 1e-300, "softmax " + row[2] + " [" + i + "]");
        assertClose(gx[i], grad.get(i), 1e-13, 1e-16, "softmax backward " + row[2] + " [" + i + "]");
      }
    }
  }

  @Test
  void softmaxBackwardMayWriteIntoItsUpstreamGradient() {
    Activation softmax = Activations.resolve("softmax");
    Tensor x = Tensor.of(DType.FLOAT64, 1, 3, 1, 2, 3);
    Tensor y = Tensor.zeros(DType.FLOAT64, 1, 3);
    softmax.forward(x, y);
    Tensor separate = Tensor.zeros(DType.FLOAT64, 1, 3);
    Tensor g = Tensor.of(DType.FLOAT64, 1, 3, 0.3, -1, 2);
    softmax.backward(x, y, g, separate);
    softmax.backward(x, y, g, g); // "gradX may be gradY"
    for (int i = 0; i < 3; i++) {
      assertEquals(separate.get(i), g.get(i), 1e-15);
    }
  }

  static double value(String spec, double x) {
    Tensor in = Tensor.of(DType.FLOAT64, 1, 1, x);
    Tensor out = Tensor.zeros(DType.FLOAT64, 1, 1);
    Activations.resolve(spec).forward(in, out);
    return out.get(0);
  }
}
