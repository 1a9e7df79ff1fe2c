package dev.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Dense, Dropout, ActivationLayer and Sequential: shapes, names, modes and messages. */
class LayersTest {
  static final DType F64 = DType.FLOAT64;

  /** Records the activation each weight initializer is adapted to, and the fans it sees. */
  static final class RecordingInitializer implements Initializer {
    final List<String> activations = new ArrayList<>();
    final List<Fans> fans = new ArrayList<>();

    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      this.fans.add(fans);
      tensor.fill(0.5);
    }

    @Override
    public String spec() {
      return "recording";
    }

    @Override
    public Initializer forActivation(String activation) {
      activations.add(activation);
      return this;
    }
  }

  // ------------------------------------------------------------------ dense

  @Test
  void denseComputesXTimesWPlusB() {
    // W = [1 2; 3 4; 5 6] (in = 3, units = 2), b = (0.5, -1)
    Dense d = new Dense(2, TestInitializers.values(1, 2, 3, 4, 5, 6), TestInitializers.values(0.5, -1));
    d.build(new LayerContext("7.", 3, F64, new SplittableRandom(0), "linear"));
    assertEquals("7.weight", d.weight().name());
    assertEquals("7.bias", d.bias().name());
    assertTrue(d.weight().regularized());
    assertFalse(d.bias().regularized());
    assertEquals(Shape.of(3, 2), d.weight().value().shape());
    assertEquals(Shape.of(2), d.bias().value().shape());
    Tensor y = d.forward(Tensor.of(F64, 2, 3, 1, 0, 0, 1, 1, 1), true);
    assertArrayEquals(new double[] {1.5, 1, 9.5, 11}, y.toDoubleArray());
    // backward with G = [1 0; 0 1]: dW = xᵀG = xᵀ = [1 1; 0 1; 0 1], db = (1, 1), dx = G·Wᵀ = [1 3 5; 2 4 6]
    Tensor gx = d.backward(Tensor.of(F64, 2, 2, 1, 0, 0, 1));
    assertArrayEquals(new double[] {1, 1, 0, 1, 0, 1}, d.weight().grad().toDoubleArray());
    assertArrayEquals(new double[] {1, 1}, d.bias().grad().toDoubleArray());
    assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, gx.toDoubleArray());
  }

  @Test
  void denseGradientsAreOverwrittenNotAccumulated() {
    Dense d = new Dense(1, TestInitializers.values(1, 1), TestInitializers.zeros());
    d.build(new LayerContext("", 2, F64, new SplittableRandom(0), "linear"));
    Tensor x = Tensor.of(F64, 1, 2, 1, 2);
    for (int i = 0; i < 2; i++) {
      d.forward(x, true);
      d.backward(Tensor.of(F64, 1, 1, 1));
    }
    assertArrayEquals(new double[] {1, 2}, d.weight().grad().toDoubleArray());
    assertArrayEquals(new double[] {1}, d.bias().grad().toDoubleArray());
  }

  @Test
  void denseValidatesUnitsAndInputs() {
    DescentException units = assertThrows(DescentException.class,
        () -> new Dense(0, TestInitializers.zeros(), TestInitializers.zeros()));
    assertEquals("dense: parameter 'units' must be an integer ≥ 1, got 0", units.getMessage());
    Dense d = new Dense(2, TestInitializers.zeros(), TestInitializers.zeros());
    assertThrows(IllegalStateException.class, () -> d.forward(Tensor.zeros(F64, 1, 3), false));
    assertEquals(List.of(), d.parameters());
    d.build(new LayerContext("", 3, F64, new SplittableRandom(0), "linear"));
    DescentException input = assertThrows(DescentException.class, () -> d.forward(Tensor.zeros(F64, 4, 5), false));
    assertEquals("dense: input has shape [4, 5], but the layer expects 3 features", input.getMessage());
    d.forward(Tensor.zeros(F64, 4, 3), true);
    DescentException grad = assertThrows(DescentException.class, () -> d.backward(Tensor.zeros(F64, 4, 3)));
    assertTrue(grad.getMessage().startsWith("dense backward:") && grad.getMessage().contains("[4, 3]")
        && grad.getMessage().contains("[4, 2]"), grad.getMessage());
  }

  @Test
  void denseSpecNamesItsInitializers() {
    Dense d = new Dense(10, TestInitializers.normal(0.1), TestInitializers.zeros());
    assertEquals("dense(units=10, weight_init='test_normal(stddev=0.1)', bias_init='test_constant(value=0.0)')",
        d.spec());
    assertEquals(10, d.outputSize(3));
    assertEquals("dense", d.kind());
  }

  @Test
  void denseInitializersGetTheFansAndTheFollowingActivation() {
    RecordingInitializer init = new RecordingInitializer();
    Sequential.of(new Dense(4, init, TestInitializers.zeros()), Activations.layer("relu"),
        new Dense(3, init, TestInitializers.zeros()), Activations.layer("tanh"),
        new Dense(2, init, TestInitializers.zeros())).build(5, F64, new SplittableRandom(0));
    assertEquals(List.of("relu", "tanh", "linear"), init.activations);
    assertEquals(List.of(new Fans(5, 4), new Fans(4, 3), new Fans(3, 2)), init.fans);
  }

  @Test
  void anExplicitIdentityIsReportedAsLinear() {
    RecordingInitializer init = new RecordingInitializer();
    Sequential.of(new Dense(4, init, TestInitializers.zeros()), Activations.layer("identity"))
        .build(5, F64, new SplittableRandom(0));
    assertEquals(List.of("linear"), init.activations);
  }

  @Test
  void initialWeightsComeFromTheGivenGenerator() {
    Sequential a = Sequential.of(new Dense(3, TestInitializers.normal(1), TestInitializers.zeros()))
        .build(4, F64, new SplittableRandom(5));
    Sequential b = Sequential.of(new Dense(3, TestInitializers.normal(1), TestInitializers.zeros()))
        .build(4, F64, new SplittableRandom(5));
    Sequential c = Sequential.of(new Dense(3, TestInitializers.normal(1), TestInitializers.zeros()))
        .build(4, F64, new SplittableRandom(6));
    assertArrayEquals(a.parameters().get(0).value().toDoubleArray(), b.parameters().get(0).value().toDoubleArray());
    assertFalse(java.util.Arrays.equals(a.parameters().get(0).value().toDoubleArray(),
        c.parameters().get(0).value().toDoubleArray()));
  }

  // ------------------------------------------------------------------ dropout

  @Test
  void dropoutKeepsWithProbabilityOneMinusPAndScalesByItsInverse() {
    Dropout d = new Dropout(0.25);
    d.build(new LayerContext("", 100, F64, new SplittableRandom(1), "linear"));
    Tensor x = Tensor.zeros(F64, 100, 100);
    x.fill(3);
    Tensor y = d.forward(x, true);
    int kept = 0;
    for (int i = 0; i < y.size(); i++) {
      double v = y.get(i);
      assertTrue(v == 0 || v == 4, "3 / (1 − 0.25) = 4 or dropped, got " + v);
      kept += v == 4 ? 1 : 0;
    }
    // 10 000 Bernoulli(0.75): mean 7500, σ ≈ 43
    assertTrue(Math.abs(kept - 7500) < 250, "kept " + kept);
    Tensor g = Tensor.zeros(F64, 100, 100);
    g.fill(1);
    Tensor gx = d.backward(g);
    for (int i = 0; i < gx.size(); i++) {
      assertEquals(y.get(i) / 3, gx.get(i), 0.0, "backward uses the forward mask");
    }
  }

  @Test
  void dropoutIsTheIdentityInInferenceModeAndForPZero() {
    Dropout d = new Dropout(0.5);
    d.build(new LayerContext("", 3, F64, new SplittableRandom(1), "linear"));
    Tensor x = Tensor.of(F64, 1, 3, 1, 2, 3);
    assertArrayEquals(x.toDoubleArray(), d.forward(x, false).toDoubleArray());
    Tensor g = Tensor.of(F64, 1, 3, 4, 5, 6);
    assertArrayEquals(g.toDoubleArray(), d.backward(g).toDoubleArray());
    Dropout none = new Dropout(0);
    none.build(new LayerContext("", 3, F64, new SplittableRandom(1), "linear"));
    assertArrayEquals(x.toDoubleArray(), none.forward(x, true).toDoubleArray());
  }

  @Test
  void aFrozenMaskIsReusedAndANewOneDrawnOtherwise() {
    Dropout d = new Dropout(0.5);
    d.build(new LayerContext("", 50, F64, new SplittableRandom(1), "linear"));
    Tensor x = Tensor.zeros(F64, 2, 50);
    x.fill(1);
    double[] first = d.forward(x, true).toDoubleArray();
    d.freezeMask(true);
    assertArrayEquals(first, d.forward(x, true).toDoubleArray());
    d.freezeMask(false);
    assertFalse(java.util.Arrays.equals(first, d.forward(x, true).toDoubleArray()));
  }

  @Test
  void dropoutProbabilityMustBeBelowOne() {
    assertEquals("dropout: parameter 'p' must be in [0, 1), got 1",
        assertThrows(DescentException.class, () -> new Dropout(1)).getMessage());
    assertThrows(DescentException.class, () -> new Dropout(-0.1));
    assertEquals("dropout(p=0.3)", new Dropout(0.3).spec());
  }

  // ------------------------------------------------------------------ activation layer

  @Test
  void activationLayerChecksTheGradientShape() {
    ActivationLayer relu = Activations.layer("relu");
    relu.forward(Tensor.zeros(F64, 2, 3), true);
    DescentException e = assertThrows(DescentException.class, () -> relu.backward(Tensor.zeros(F64, 3, 3)));
    assertEquals("relu backward: shapes [2, 3] and [3, 3] differ", e.getMessage());
    assertEquals("relu", relu.kind());
    assertEquals(7, relu.outputSize(7));
  }

  // ------------------------------------------------------------------ sequential

  @Test
  void sequentialNamesParametersLikePyTorch() {
    Sequential m = Sequential.of(new Dense(4, TestInitializers.zeros(), TestInitializers.zeros()),
        Activations.layer("relu"), new Dropout(0.1), new Dense(2, TestInitializers.zeros(), TestInitializers.zeros()))
        .build(3, F64, new SplittableRandom(0));
    assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"),
        m.parameters().stream().map(Parameter::name).toList());
    assertEquals(3 * 4 + 4 + 4 * 2 + 2, m.parameterCount());
    assertEquals(2, m.outputSize(3));
    assertTrue(m.isBuilt());
    assertEquals(3, m.inputSize());
    assertEquals(F64, m.dtype());
    String summary = m.summary();
    assertTrue(summary.contains("-> 4") && summary.contains("-> 2") && summary.contains("26 parameters"), summary);
  }

  @Test
  void sequentialValidatesItsInput() {
    assertThrows(DescentException.class, () -> new Sequential(List.of()));
    Sequential m = Sequential.of(new Dense(2, TestInitializers.zeros(), TestInitializers.zeros()));
    assertThrows(IllegalStateException.class, () -> m.predict(Tensor.zeros(F64, 1, 3)));
    DescentException noInputs = assertThrows(DescentException.class, () -> m.build(0, F64, new SplittableRandom(0)));
    assertTrue(noInputs.getMessage().contains("at least one input feature"), noInputs.getMessage());
    m.build(3, F64, new SplittableRandom(0));
    assertEquals("the model expects 3 input features, got data of shape [1, 4]",
        assertThrows(DescentException.class, () -> m.predict(Tensor.zeros(F64, 1, 4))).getMessage());
    assertEquals("the model is float64, got float32 data",
        assertThrows(DescentException.class, () -> m.predict(Tensor.zeros(DType.FLOAT32, 1, 3))).getMessage());
  }

  @Test
  void forwardAndBackwardThroughTheFirstLayersOnly() {
    Sequential m = Sequential.of(new Dense(2, TestInitializers.values(1, 0, 0, 1), TestInitializers.zeros()),
        Activations.layer("relu")).build(2, F64, new SplittableRandom(0));
    Tensor x = Tensor.of(F64, 1, 2, -1, 2);
    assertArrayEquals(new double[] {-1, 2}, m.forward(x, true, 1).toDoubleArray());
    assertArrayEquals(new double[] {0, 2}, m.forward(x, true).toDoubleArray());
    Tensor g = m.backward(Tensor.of(F64, 1, 2, 1, 1));
    assertArrayEquals(new double[] {0, 1}, g.toDoubleArray(), "relu blocks the negative unit");
  }

  @Test
  void mlpStacksDenseLayersWithActivations() {
    Sequential m = Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", TestInitializers.zeros(), TestInitializers.zeros());
    assertEquals(List.of("dense", "relu", "dense", "relu", "dense", "sigmoid"),
        m.layers().stream().map(Layer::kind).toList());
    assertEquals(List.of(10, 5, 1), m.layers().stream().filter(l -> l instanceof Dense)
        .map(l -> ((Dense) l).units()).toList());
    m.build(2, F64, new SplittableRandom(0));
    assertEquals(2 * 10 + 10 + 10 * 5 + 5 + 5 + 1, m.parameterCount());
    Sequential linear = Mlp.of(new int[] {}, "relu", 3, "linear", TestInitializers.zeros(), TestInitializers.zeros());
    assertEquals(List.of("dense"), linear.layers().stream().map(Layer::kind).toList(), "a linear output adds no layer");
    DescentException e = assertThrows(DescentException.class,
        () -> Mlp.of(new int[] {4, 0}, "relu", 1, "linear", TestInitializers.zeros(), TestInitializers.zeros()));
    assertTrue(e.getMessage().contains("≥ 1") && e.getMessage().contains("0"), e.getMessage());
  }

  // ------------------------------------------------------------------ small pieces

  @Test
  void batchBufferReusesTheTensorsOfTheLastFourShapes() {
    BatchBuffer b = new BatchBuffer();
    Tensor a = b.get(32, 4, F64);
    Tensor c = b.get(26, 4, F64);
    assertSame(a, b.get(32, 4, F64));
    assertSame(c, b.get(26, 4, F64));
    assertNotSame(a, b.get(32, 4, DType.FLOAT32), "the dtype is part of the key");
    // most recent first: 32×4 f32, 26×4, 32×4; two more shapes push 32×4 float64 out of the four slots
    b.get(1, 1, F64);
    b.get(2, 2, F64);
    assertNotSame(a, b.get(32, 4, F64), "the least recently used shape is evicted");
  }

  @Test
  void parameterValueAndGradientMustMatch() {
    DescentException shape = assertThrows(DescentException.class,
        () -> new Parameter("0.weight", Tensor.zeros(F64, 2, 3), Tensor.zeros(F64, 3, 2), true));
    assertEquals("Parameter 0.weight: value [2, 3] and gradient [3, 2] differ", shape.getMessage());
    DescentException dtype = assertThrows(DescentException.class,
        () -> new Parameter("0.weight", Tensor.zeros(F64, 2, 3), Tensor.zeros(DType.FLOAT32, 2, 3), true));
    assertTrue(dtype.getMessage().contains("float64 and float32"), dtype.getMessage());
  }

  @Test
  void fansFollowKerasConventions() {
    assertEquals(new Fans(3, 4), Fans.of(Shape.of(3, 4)));
    assertEquals(new Fans(5, 5), Fans.of(Shape.of(5)));
    // a 3×3 convolution kernel from 16 to 32 channels: receptive field 9
    assertEquals(new Fans(144, 288), Fans.of(Shape.of(3, 3, 16, 32)));
    assertEquals(3.5, new Fans(3, 4).average());
    assertThrows(DescentException.class, () -> new Fans(-1, 2));
  }
}
