package dev.descent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.check.GradientCheck.DropoutMode;
import dev.descent.check.GradientCheck.Result;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.loss.CrossEntropy;
import dev.descent.loss.Loss;
import dev.descent.loss.Losses;
import dev.descent.loss.MeanSquaredError;
import dev.descent.nn.Activation;
import dev.descent.nn.ActivationLayer;
import dev.descent.nn.Activations;
import dev.descent.nn.BuiltinActivations;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.ElementwiseActivation;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerContext;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.spec.Provider;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import dev.descent.train.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation of every layer, activation and loss against centred finite differences in
 * FLOAT64. The bar: relative error below 1e-6 everywhere.
 */
class GradientCheckTest {
  static final double TOLERANCE = 1e-6;
  static final double EPS = GradientCheck.DEFAULT_EPSILON;
  static final DType F64 = DType.FLOAT64;

  /** Specs with non-default parameters, checked in addition to every registered activation. */
  static final List<String> EXTRA_ACTIVATION_SPECS = List.of(
      "leaky_relu(negative_slope=0.2)",
      "elu(alpha=0.5)",
      "gelu(approximate=none)",
      "gelu(approximate=tanh)",
      "softplus(beta=2, threshold=3)",
      "softplus(beta=0.5)");

  /** Every registered activation by canonical name (so a new provider is covered), plus variants. */
  static Stream<String> activationSpecs() {
    List<String> specs = new ArrayList<>();
    for (Provider<Activation> p : Activations.registry().providers()) {
      specs.add(p.name());
    }
    specs.addAll(EXTRA_ACTIVATION_SPECS);
    return specs.stream();
  }

  /** Inputs away from 0 (no kinks at the step size used), where every derivative is well above the noise. */
  static final double[] INPUTS = {-3.0, -1.7, -0.6, -0.15, 0.2, 0.8, 1.9, 3.0};

  /** Extra inputs for specs with a threshold: both sides of it, away from it. */
  static final Map<String, double[]> EXTRA_INPUTS = Map.of(
      "softplus", new double[] {19.5, 21.0, 25.0},
      "softplus(beta=2, threshold=3)", new double[] {1.2, 1.6, 2.0, 2.9},
      "softplus(beta=0.5)", new double[] {39.0, 41.0, 50.0});

  static Sequential build(DType dtype, long seed, int inputs, Layer... layers) {
    return Sequential.of(layers).build(inputs, dtype, new SplittableRandom(seed));
  }

  static Dense dense(int units) {
    return new Dense(units, TestInitializers.normal(0.7), TestInitializers.normal(0.3));
  }

  static Tensor randomMatrix(int rows, int cols, long seed, double scale) {
    SplittableRandom random = new SplittableRandom(seed);
    Tensor t = Tensor.zeros(F64, rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.set(i, scale * random.nextGaussian());
    }
    return t;
  }

  static Tensor binaryTargets(int rows, int cols, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Tensor t = Tensor.zeros(F64, rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.set(i, random.nextBoolean() ? 1 : 0);
    }
    return t;
  }

  static Tensor indexTargets(int rows, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Tensor t = Tensor.zeros(F64, rows, 1);
    for (int r = 0; r < rows; r++) {
      t.set(r, r < classes ? r : random.nextInt(classes)); // every class appears
    }
    return t;
  }

  static Tensor oneHot(Tensor indices, int classes) {
    Tensor t = Tensor.zeros(F64, indices.rows(), classes);
    for (int r = 0; r < indices.rows(); r++) {
      t.set(r, (int) indices.get(r), 1);
    }
    return t;
  }

  static void assertPasses(Result result, String what) {
    assertTrue(result.relativeError() < TOLERANCE,
        () -> what + ": relative error " + result.relativeError() + "\n" + result.report());
    // A check over gradients that are all zero passes vacuously; make sure something was compared.
    assertTrue(result.parameters().stream().mapToInt(GradientCheck.ParameterResult::entries).sum() > 0, what);
  }

  static void assertGradientsNotAllZero(List<Parameter> parameters, String what) {
    double norm = 0;
    for (Parameter p : parameters) {
      norm += p.grad().sumOfSquares();
    }
    assertTrue(norm > 1e-12, what + ": every gradient is zero, so the check would pass vacuously");
  }

  static Result checkModel(Sequential model, Loss loss, double l2, Tensor x, Tensor y, DropoutMode mode) {
    Objective objective = new Objective(model, loss, l2);
    Result result = GradientCheck.check(objective, x, y, EPS, mode, 5);
    assertGradientsNotAllZero(model.parameters(), model.spec());
    return result;
  }

  // ---------------------------------------------------------------- activations alone

  /**
   * J(x) = Σ cᵢ·f(x)ᵢ for one input at a time, so a wrong derivative at any single point fails and
   * is not averaged away by larger entries.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activationSpecs")
  void activationBackwardMatchesFiniteDifferencesAtEveryInput(String spec) {
    Activation activation = Activations.resolve(spec);
    List<Double> inputs = new ArrayList<>();
    for (double v : INPUTS) {
      inputs.add(v);
    }
    for (double v : EXTRA_INPUTS.getOrDefault(spec, new double[0])) {
      inputs.add(v);
    }
    if (activation.name().equals("softmax")) {
      // a 1×1 softmax is constant; check it row-wise below
      return;
    }
    for (double x0 : inputs) {
      Tensor x = Tensor.of(F64, 1, 1, x0);
      Tensor c = Tensor.of(F64, 1, 1, 1.3);
      Parameter p = new Parameter("x", x, Tensor.zeros(F64, 1, 1), false);
      Tensor y = Tensor.zeros(F64, 1, 1);
      activation.forward(x, y);
      activation.backward(x, y, c, p.grad());
      Tensor out = Tensor.zeros(F64, 1, 1);
      Result result = GradientCheck.check(List.of(p), () -> {
        activation.forward(x, out);
        return 1.3 * out.get(0);
      }, EPS, 1);
      assertPasses(result, spec + " at x = " + x0);
    }
  }

  /** The same on a whole batch through {@link ActivationLayer}, which is what models use. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activationSpecs")
  void activationLayerBackwardMatchesFiniteDifferencesOnABatch(String spec) {
    ActivationLayer layer = Activations.layer(spec);
    layer.build(new LayerContext("", 5, F64, new SplittableRandom(1), "linear"));
    Tensor x = randomMatrix(4, 5, 11, 1.5);
    Tensor c = randomMatrix(4, 5, 12, 1.0);
    Parameter p = Parameter.of("x", x, false);
    layer.forward(x, true);
    p.grad().copyFrom(layer.backward(c));
    Result result = GradientCheck.check(List.of(p), () -> dot(layer.forward(x, true), c), EPS, 3);
    assertPasses(result, spec);
  }

  @Test
  void softmaxRowwiseBackwardMatchesFiniteDifferences() {
    Activation softmax = Activations.resolve("softmax");
    Tensor x = randomMatrix(3, 4, 21, 2.0);
    Tensor c = randomMatrix(3, 4, 22, 1.0);
    Tensor y = Tensor.zeros(F64, 3, 4);
    Parameter p = Parameter.of("x", x, false);
    softmax.forward(x, y);
    softmax.backward(x, y, c, p.grad());
    Tensor out = Tensor.zeros(F64, 3, 4);
    Result result = GradientCheck.check(List.of(p), () -> {
      softmax.forward(x, out);
      return dot(out, c);
    }, EPS, 3);
    assertPasses(result, "softmax");
  }

  /** Every registered activation inside a network, between two dense layers, under MSE. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activationSpecs")
  void everyActivationInsideANetwork(String spec) {
    Sequential model = build(F64, 3, 4, dense(5), Activations.layer(spec), dense(3));
    Tensor x = randomMatrix(6, 4, 31, 1.0);
    Tensor y = randomMatrix(6, 3, 32, 1.0);
    assertPasses(checkModel(model, new MeanSquaredError(), 0, x, y, DropoutMode.FIXED_MASK), spec);
  }

  // ---------------------------------------------------------------- layers

  @Test
  void denseWeightsAndBiasUnderMse() {
    Sequential model = build(F64, 1, 4, dense(3));
    Result result = checkModel(model, new MeanSquaredError(), 0, randomMatrix(5, 4, 1, 1), randomMatrix(5, 3, 2, 1),
        DropoutMode.OFF);
    assertPasses(result, "dense");
    assertEquals(List.of("0.weight", "0.bias"),
        result.parameters().stream().map(GradientCheck.ParameterResult::parameter).toList());
    assertEquals(12, result.parameters().get(0).entries());
    assertEquals(3, result.parameters().get(1).entries());
  }

  @Test
  void denseGradientWithRespectToItsInput() {
    Dense layer = dense(3);
    layer.build(new LayerContext("", 4, F64, new SplittableRandom(5), "linear"));
    Tensor x = randomMatrix(5, 4, 6, 1);
    Tensor c = randomMatrix(5, 3, 7, 1);
    Parameter p = Parameter.of("x", x, false);
    layer.forward(x, true);
    p.grad().copyFrom(layer.backward(c));
    assertPasses(GradientCheck.check(List.of(p), () -> dot(layer.forward(x, true), c), EPS, 3), "dense input");
  }

  @Test
  void deepStackOfMixedLayers() {
    Sequential model = build(F64, 7, 4,
        dense(6), Activations.layer("tanh"),
        dense(5), Activations.layer("relu"),
        dense(4), Activations.layer("gelu"),
        dense(4), Activations.layer("softmax"),
        dense(2));
    Result result = checkModel(model, new MeanSquaredError(), 0, randomMatrix(7, 4, 8, 1), randomMatrix(7, 2, 9, 1),
        DropoutMode.OFF);
    assertPasses(result, model.spec());
    assertEquals(10, result.parameters().size());
  }

  @Test
  void nestedSequentialAsALayer() {
    Sequential inner = Sequential.of(dense(5), Activations.layer("elu"), dense(4));
    Sequential model = build(F64, 13, 3, inner, Activations.layer("silu"), dense(2));
    assertEquals("0.0.weight", model.parameters().get(0).name());
    assertPasses(checkModel(model, new MeanSquaredError(), 0, randomMatrix(6, 3, 14, 1), randomMatrix(6, 2, 15, 1),
        DropoutMode.OFF), "nested sequential");
  }

  @Test
  void dropoutWithAFixedMask() {
    Sequential model = build(F64, 17, 4, dense(8), Activations.layer("tanh"), new Dropout(0.5), dense(3));
    Tensor x = randomMatrix(6, 4, 18, 1);
    Tensor y = randomMatrix(6, 3, 19, 1);
    assertPasses(checkModel(model, new MeanSquaredError(), 0, x, y, DropoutMode.FIXED_MASK), "dropout fixed mask");

    // the mask really dropped something: the training-mode objective differs from inference mode
    Objective objective = new Objective(model, new MeanSquaredError(), 0);
    double inference = objective.value(x, y, false);
    double training = objective.value(x, y, true);
    assertNotEquals(inference, training);
  }

  @Test
  void dropoutTurnedOff() {
    Sequential model = build(F64, 17, 4, dense(8), Activations.layer("tanh"), new Dropout(0.5), dense(3));
    Tensor x = randomMatrix(6, 4, 18, 1);
    Tensor y = randomMatrix(6, 3, 19, 1);
    assertPasses(checkModel(model, new MeanSquaredError(), 0, x, y, DropoutMode.OFF), "dropout off");
  }

  @Test
  void dropoutInsideANestedSequentialWithAFixedMask() {
    Sequential inner = Sequential.of(dense(8), Activations.layer("tanh"), new Dropout(0.5));
    Sequential model = build(F64, 17, 4, inner, dense(3));
    assertPasses(checkModel(model, new MeanSquaredError(), 0, randomMatrix(6, 4, 18, 1), randomMatrix(6, 3, 19, 1),
        DropoutMode.FIXED_MASK), "nested dropout");
  }

  @Test
  void dropoutGradientWithRespectToItsInputUsesTheSameMask() {
    Dropout dropout = new Dropout(0.3);
    dropout.build(new LayerContext("", 6, F64, new SplittableRandom(3), "linear"));
    Tensor x = randomMatrix(5, 6, 4, 1);
    Tensor c = randomMatrix(5, 6, 5, 1);
    Parameter p = Parameter.of("x", x, false);
    dropout.forward(x, true);
    dropout.freezeMask(true);
    p.grad().copyFrom(dropout.backward(c));
    assertPasses(GradientCheck.check(List.of(p), () -> dot(dropout.forward(x, true), c), EPS, 3), "dropout input");
  }

  // ---------------------------------------------------------------- losses inside models

  @Test
  void mseLoss() {
    Sequential model = build(F64, 21, 3, dense(4), Activations.layer("tanh"), dense(2));
    assertPasses(checkModel(model, Losses.resolve("mse"), 0, randomMatrix(5, 3, 1, 1), randomMatrix(5, 2, 2, 1),
        DropoutMode.OFF), "mse");
  }

  @Test
  void binaryCrossEntropyFusedAfterSigmoidOutput() {
    Sequential model = build(F64, 22, 3, dense(4), Activations.layer("tanh"), dense(1), Activations.layer("sigmoid"));
    Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0);
    assertTrue(objective.isFused());
    Tensor x = randomMatrix(8, 3, 3, 1);
    Tensor y = binaryTargets(8, 1, 4);
    Result result = GradientCheck.check(objective, x, y, EPS, DropoutMode.OFF, 5);
    assertGradientsNotAllZero(model.parameters(), "bce fused");
    assertPasses(result, "bce fused after sigmoid");
  }

  @Test
  void binaryCrossEntropyFusedWithSeveralOutputColumns() {
    Sequential model = build(F64, 23, 3, dense(4), Activations.layer("relu"), dense(3), Activations.layer("sigmoid"));
    assertPasses(checkModel(model, Losses.resolve("bce"), 0, randomMatrix(6, 3, 5, 1), binaryTargets(6, 3, 6),
        DropoutMode.OFF), "bce fused, 3 columns");
  }

  @Test
  void binaryCrossEntropyFromProbabilitiesThroughAnUnfusedSigmoid() {
    // A sigmoid that is not BuiltinActivations.Sigmoid is not fused, so the loss runs on probabilities.
    Activation sigmoid = new DelegatingActivation(Activations.resolve("sigmoid"));
    Sequential model = build(F64, 24, 3, dense(4), Activations.layer("tanh"), dense(2), new ActivationLayer(sigmoid));
    Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0);
    assertFalse(objective.isFused());
    Tensor x = randomMatrix(6, 3, 7, 1);
    Tensor y = binaryTargets(6, 2, 8);
    assertPasses(GradientCheck.check(objective, x, y, EPS, DropoutMode.OFF, 5), "bce from probabilities");

    // and it is the same objective as the fused form
    Sequential twin = build(F64, 24, 3, dense(4), Activations.layer("tanh"), dense(2), Activations.layer("sigmoid"));
    Objective fused = new Objective(twin, Losses.resolve("binary_cross_entropy"), 0);
    assertTrue(fused.isFused());
    assertEquals(objective.value(x, y, false), fused.value(x, y, false), 1e-12);
  }

  @Test
  void crossEntropyFusedAfterSoftmaxWithIndexTargets() {
    Sequential model = build(F64, 25, 3, dense(5), Activations.layer("tanh"), dense(4), Activations.layer("softmax"));
    Objective objective = new Objective(model, Losses.resolve("cross_entropy"), 0);
    assertTrue(objective.isFused());
    assertPasses(GradientCheck.check(objective, randomMatrix(7, 3, 9, 1), indexTargets(7, 4, 10), EPS,
        DropoutMode.OFF, 5), "ce fused, indices");
  }

  @Test
  void crossEntropyFusedAfterSoftmaxWithOneHotTargets() {
    Sequential model = build(F64, 25, 3, dense(5), Activations.layer("tanh"), dense(4), Activations.layer("softmax"));
    assertPasses(checkModel(model, new CrossEntropy(), 0, randomMatrix(7, 3, 9, 1), oneHot(indexTargets(7, 4, 10), 4),
        DropoutMode.OFF), "ce fused, one-hot");
  }

  @Test
  void crossEntropyOnLinearLogitsWithIndexTargets() {
    Sequential model = build(F64, 26, 3, dense(5), Activations.layer("relu"), dense(4));
    Objective objective = new Objective(model, new CrossEntropy(), 0);
    assertFalse(objective.isFused());
    assertPasses(GradientCheck.check(objective, randomMatrix(7, 3, 11, 1), indexTargets(7, 4, 12), EPS,
        DropoutMode.OFF, 5), "ce on logits, indices");
  }

  @Test
  void crossEntropyOnLinearLogitsWithOneHotTargets() {
    Sequential model = build(F64, 26, 3, dense(5), Activations.layer("relu"), dense(4));
    assertPasses(checkModel(model, new CrossEntropy(), 0, randomMatrix(7, 3, 11, 1),
        oneHot(indexTargets(7, 4, 12), 4), DropoutMode.OFF), "ce on logits, one-hot");
  }

  @Test
  void crossEntropyWithSoftTargets() {
    Sequential model = build(F64, 27, 3, dense(4), Activations.layer("softmax"));
    Tensor t = Tensor.of(F64, 3, 4, 0.1, 0.2, 0.3, 0.4, 0, 0.5, 0.5, 0, 0.25, 0.25, 0.25, 0.25);
    assertPasses(checkModel(model, new CrossEntropy(), 0, randomMatrix(3, 3, 13, 1), t, DropoutMode.OFF),
        "ce soft targets");
  }

  // ---------------------------------------------------------------- L2 regularization

  @Test
  void l2PenaltyIsPartOfTheCheckedObjective() {
    Sequential model = build(F64, 31, 3, dense(5), Activations.layer("tanh"), dense(2));
    Tensor x = randomMatrix(6, 3, 1, 1);
    Tensor y = randomMatrix(6, 2, 2, 1);
    assertPasses(checkModel(model, new MeanSquaredError(), 0.05, x, y, DropoutMode.OFF), "mse + l2");
  }

  @Test
  void l2WithFusedCrossEntropyAndDropout() {
    Sequential model = build(F64, 32, 3, dense(6), Activations.layer("selu"), new Dropout(0.25), dense(3),
        Activations.layer("softmax"));
    assertPasses(checkModel(model, new CrossEntropy(), 0.01, randomMatrix(6, 3, 3, 1), indexTargets(6, 3, 4),
        DropoutMode.FIXED_MASK), "ce + l2 + dropout");
  }

  @Test
  void l2PenalizesWeightsButNotBiases() {
    Sequential model = build(F64, 33, 2, dense(2));
    Tensor x = randomMatrix(3, 2, 5, 1);
    Tensor y = randomMatrix(3, 2, 6, 1);
    double plain = new Objective(model, new MeanSquaredError(), 0).value(x, y, false);
    double penalized = new Objective(model, new MeanSquaredError(), 0.1).value(x, y, false);
    Dense d = (Dense) model.layers().get(0);
    assertEquals(0.1 * d.weight().value().sumOfSquares(), penalized - plain, 1e-12);
  }

  // ---------------------------------------------------------------- losses alone

  static Stream<Arguments> lossesAlone() {
    Tensor probs = Tensor.of(F64, 4, 2, 0.9, 0.2, 0.6, 0.35, 0.05, 0.7, 0.5, 0.99);
    Tensor logits = randomMatrix(4, 3, 41, 2);
    Tensor indices = Tensor.of(F64, 4, 1, 2, 0, 1, 2);
    return Stream.of(
        Arguments.of("mse", new MeanSquaredError(), randomMatrix(4, 3, 42, 1), randomMatrix(4, 3, 43, 1)),
        Arguments.of("bce from probabilities", new BinaryCrossEntropy(false), probs, binaryTargets(4, 2, 44)),
        Arguments.of("bce from probabilities, soft targets", new BinaryCrossEntropy(false), probs,
            Tensor.of(F64, 4, 2, 0.3, 0.9, 0.5, 0.1, 0, 1, 0.25, 0.75)),
        Arguments.of("bce from logits", new BinaryCrossEntropy(true), randomMatrix(4, 2, 45, 3), binaryTargets(4, 2, 46)),
        Arguments.of("ce indices", new CrossEntropy(), logits, indices),
        Arguments.of("ce one-hot", new CrossEntropy(), logits, oneHot(indices, 3)),
        Arguments.of("ce soft", new CrossEntropy(), logits,
            Tensor.of(F64, 4, 3, 0.2, 0.3, 0.5, 1, 0, 0, 0.1, 0.1, 0.8, 0.6, 0.2, 0.2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lossesAlone")
  void lossGradientMatchesFiniteDifferences(String name, Loss loss, Tensor output, Tensor target) {
    Parameter p = Parameter.of("output", output.copy(), false);
    loss.gradient(p.value(), target, p.grad());
    assertPasses(GradientCheck.check(List.of(p), () -> loss.value(p.value(), target), EPS, 3), name);
  }

  // ---------------------------------------------------------------- the check itself

  /** A derivative off by 10% must fail the check: the check can fail. */
  @Test
  void aWrongActivationDerivativeFailsTheCheck() {
    Sequential model = build(F64, 51, 3, dense(5), new ActivationLayer(new WrongTanh()), dense(2));
    Objective objective = new Objective(model, new MeanSquaredError(), 0);
    Result result = GradientCheck.check(objective, randomMatrix(6, 3, 1, 1), randomMatrix(6, 2, 2, 1),
        EPS, DropoutMode.OFF, 5);
    assertFalse(result.passes(TOLERANCE), result.report());
    assertTrue(result.relativeError() > 1e-3, result.report());
    // the layer before the wrong activation is the one that disagrees; the layer after it is right
    assertTrue(result.parameters().get(0).relativeError() > 1e-3, result.report());
    assertTrue(result.parameters().get(2).relativeError() < TOLERANCE, result.report());
    assertEquals(5, result.worst().size());
    assertTrue(result.worst().get(0).parameter().startsWith("0."), result.report());
    assertTrue(result.worst().get(0).relativeError() >= result.worst().get(4).relativeError());
  }

  @Test
  void aWrongLossGradientFailsTheCheck() {
    Loss mse = new MeanSquaredError();
    Loss wrong = new Loss() {
      @Override
      public String name() {
        return "wrong_mse";
      }

      @Override
      public double value(Tensor output, Tensor target) {
        return mse.value(output, target);
      }

      @Override
      public void gradient(Tensor output, Tensor target, Tensor grad) {
        mse.gradient(output, target, grad);
        grad.scale(0.5); // forgot the factor 2 of d(o − t)²/do
      }
    };
    Parameter p = Parameter.of("output", randomMatrix(3, 2, 3, 1), false);
    Tensor t = randomMatrix(3, 2, 4, 1);
    wrong.gradient(p.value(), t, p.grad());
    Result result = GradientCheck.check(List.of(p), () -> wrong.value(p.value(), t), EPS, 2);
    assertEquals(1.0 / 3, result.relativeError(), 1e-6); // |g − 2g| / (|g| + |2g|)
  }

  @Test
  void checkRestoresEveryParameterBitForBit() {
    Sequential model = build(F64, 61, 3, dense(4), Activations.layer("sigmoid"), dense(2));
    List<double[]> before = model.parameters().stream().map(p -> p.value().toDoubleArray()).toList();
    GradientCheck.check(new Objective(model, new MeanSquaredError(), 0.01), randomMatrix(4, 3, 1, 1),
        randomMatrix(4, 2, 2, 1));
    for (int i = 0; i < before.size(); i++) {
      double[] after = model.parameters().get(i).value().toDoubleArray();
      for (int j = 0; j < after.length; j++) {
        assertEquals(Double.doubleToRawLongBits(before.get(i)[j]), Double.doubleToRawLongBits(after[j]),
            model.parameters().get(i).name() + "[" + j + "]");
      }
    }
  }

  @Test
  void checkRefusesFloat32Models() {
    Sequential model = build(DType.FLOAT32, 1, 3, dense(2));
    Tensor x = Tensor.zeros(DType.FLOAT32, 2, 3);
    Tensor y = Tensor.zeros(DType.FLOAT32, 2, 2);
    DescentException e = assertThrows(DescentException.class,
        () -> GradientCheck.check(new Objective(model, new MeanSquaredError(), 0), x, y));
    assertTrue(e.getMessage().contains("float64"), e.getMessage());
  }

  @Test
  void checkRefusesANonPositiveEpsilon() {
    Parameter p = Parameter.of("x", Tensor.zeros(F64, 1, 1), false);
    for (double eps : new double[] {0, -1e-6, Double.NaN}) {
      DescentException e = assertThrows(DescentException.class, () -> GradientCheck.check(List.of(p), () -> 0, eps, 1));
      assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    }
  }

  @Test
  void relativeErrorIsZeroWhenBothGradientsAreZero() {
    Parameter p = Parameter.of("x", Tensor.of(F64, 1, 2, 1, 2), false);
    Result result = GradientCheck.check(List.of(p), () -> 7.0, EPS, 2);
    assertEquals(0, result.relativeError());
    assertTrue(result.passes(0));
  }

  // ---------------------------------------------------------------- helpers

  static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.get(i) * b.get(i);
    }
    return s;
  }

  /** tanh whose derivative is 10% too large. */
  record WrongTanh() implements ElementwiseActivation {
    @Override public String name() { return "wrong_tanh"; }
    @Override public String spec() { return "wrong_tanh"; }
    @Override public double value(double x) { return Math.tanh(x); }
    @Override public double derivative(double x, double y) { return 1.1 * (1 - y * y); }
  }

  /** Forwards to another activation but is not one of the built-in records, so no loss fuses with it. */
  record DelegatingActivation(Activation inner) implements Activation {
    DelegatingActivation {
      assertTrue(inner instanceof BuiltinActivations.Sigmoid);
    }
    @Override public String name() { return "test_" + inner.name(); }
    @Override public String spec() { return name(); }
    @Override public void forward(Tensor x, Tensor y) { inner.forward(x, y); }
    @Override public void backward(Tensor x, Tensor y, Tensor gy, Tensor gx) { inner.backward(x, y, gy, gx); }
  }
}
