package dev.descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.spec.Provider;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused dense + activation stage of {@link Sequential} against the same layers run one after
 * the other, for every built-in elementwise activation: outputs, input gradients and parameter
 * gradients must agree bit for bit (the fused sweep performs the same operations in the same
 * order). Also the activations' own array loops against their per-element definitions, and
 * single rows against the same rows inside a batch (different matrix-product paths, same bits).
 */
class FusedDenseActivationTest {

  /** Every registered elementwise activation with its defaults, plus non-default parameters. */
  static Stream<String> elementwise() {
    List<String> specs = new ArrayList<>();
    for (Provider<Activation> p : Activations.registry().providers()) {
      if (!p.name().equals("softmax")) {
        specs.add(p.name());
      }
    }
    specs.addAll(List.of("leaky_relu(negative_slope=0.2)", "elu(alpha=0.5)", "gelu(approximate=tanh)",
        "softplus(beta=2, threshold=3)"));
    return specs.stream();
  }

  @Test
  void everyBuiltinElementwiseActivationFuses() {
    elementwise().forEach(spec -> assertTrue(Activations.layer(spec).fusesWithDense(), spec));
    assertFalse(Activations.layer("softmax").fusesWithDense());
    ElementwiseActivation custom = new ElementwiseActivation() {
      @Override public String name() { return "cube"; }
      @Override public String spec() { return "cube"; }
      @Override public double value(double x) { return x * x * x; }
      @Override public double derivative(double x, double y) { return 3 * x * x; }
    };
    assertFalse(new ActivationLayer(custom).fusesWithDense(), "third-party activations run unfused");
  }

  static Sequential model(String activation, DType dtype, long seed) {
    return Sequential.of(
        new Dense(5, TestInitializers.normal(0.8), TestInitializers.normal(0.5)), Activations.layer(activation),
        new Dense(4, TestInitializers.normal(0.8), TestInitializers.normal(0.5)), Activations.layer(activation),
        new Dense(2, TestInitializers.normal(0.8), TestInitializers.normal(0.5)))
        .build(3, dtype, new SplittableRandom(seed));
  }

  static Tensor random(DType dtype, int rows, int cols, SplittableRandom random) {
    Tensor t = Tensor.zeros(dtype, rows, cols);
    for (int i = 0; i < t.size(); i++) {
      // a few exact zeros, where relu-like derivatives switch
      t.set(i, i % 11 == 3 ? 0 : 3 * random.nextGaussian());
    }
    return t;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void fusedStageEqualsDenseThenActivationBitForBit(String activation) {
    for (DType dtype : DType.values()) {
      // 1 row; a few rows; more rows than one block of the fused sweep (1024 / 5 = 204)
      for (int rows : new int[] {1, 7, 450}) {
        SplittableRandom random = new SplittableRandom(rows);
        Tensor x = random(dtype, rows, 3, random);
        Tensor upstream = random(dtype, rows, 2, random);
        Sequential fused = model(activation, dtype, 17);
        Sequential separate = model(activation, dtype, 17);
        String what = activation + " " + dtype.label() + " rows=" + rows;

        Tensor yFused = fused.forward(x, true).copy();
        Tensor gxFused = fused.backward(upstream).copy();

        Tensor g = assertSameAsOneByOne(separate, x, upstream, fused, yFused, gxFused, what);
        if (FeatureMajorStack.takes(rows)) {
          continue;
        }
        // run layer by layer, the layers' kept state is the same too: a layer-by-layer backward
        // after a fused forward agrees (a feature-major run keeps its state in the stack)
        fused.forward(x, true);
        Tensor again = upstream;
        for (int i = fused.layers().size() - 1; i >= 0; i--) {
          again = fused.layers().get(i).backward(again);
        }
        assertArrayEquals(bits(g), bits(again), what + ": layer-by-layer backward after a fused forward");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void backwardToParametersSetsTheSameGradients(String activation) {
    for (DType dtype : DType.values()) {
      SplittableRandom random = new SplittableRandom(5);
      Tensor x = random(dtype, 9, 3, random);
      Tensor upstream = random(dtype, 9, 2, random);
      Sequential a = model(activation, dtype, 3);
      Sequential b = model(activation, dtype, 3);
      a.forward(x, true);
      a.backward(upstream);
      b.forward(x, true);
      b.backwardToParameters(upstream, b.layers().size());
      for (int p = 0; p < a.parameters().size(); p++) {
        assertArrayEquals(bits(a.parameters().get(p).grad()), bits(b.parameters().get(p).grad()),
            activation + " " + dtype.label() + " " + a.parameters().get(p).name());
      }
    }
  }

  @Test
  void backwardToParametersSkipsTheFirstDenseLayersInputGradient() {
    Dense first = new Dense(4, TestInitializers.normal(1), TestInitializers.zeros());
    first.build(new LayerContext("", 3, DType.FLOAT64, new SplittableRandom(1), "linear"));
    Tensor x = Tensor.of(DType.FLOAT64, 2, 3, 1, 2, 3, 4, 5, 6);
    first.forward(x, true);
    assertNull(first.backward(Tensor.zeros(DType.FLOAT64, 2, 4), true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void arrayLoopsMatchTheElementDefinitions(String spec) {
    ElementwiseActivation f = (ElementwiseActivation) Activations.resolve(spec);
    SplittableRandom random = new SplittableRandom(11);
    int n = 40;
    double[] x = new double[n];
    double[] gy = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 9 == 0 ? 0 : (i % 13 == 0 ? 40 * random.nextGaussian() : 3 * random.nextGaussian());
      gy[i] = random.nextGaussian();
    }
    x[1] = -0.0;
    int from = 3;
    int to = n - 2;
    double[] y = new double[n];
    double[] gx = new double[n];
    f.forward(x, y, from, to);
    f.backward(x, y, gy, gx, from, to);
    float[] xf = new float[n];
    float[] gyf = new float[n];
    for (int i = 0; i < n; i++) {
      xf[i] = (float) x[i];
      gyf[i] = (float) gy[i];
    }
    float[] yf = new float[n];
    float[] gxf = new float[n];
    f.forward(xf, yf, from, to);
    f.backward(xf, yf, gyf, gxf, from, to);
    for (int i = 0; i < n; i++) {
      boolean inside = i >= from && i < to;
      double yi = inside ? f.value(x[i]) : 0;
      assertEquals(Double.doubleToRawLongBits(yi), Double.doubleToRawLongBits(y[i]), spec + " f at " + i);
      double gi = inside ? f.derivative(x[i], yi) * gy[i] : 0;
      assertEquals(gradientBits(gi), gradientBits(gx[i]), spec + " f' at " + i);
      float yfi = inside ? (float) f.value(xf[i]) : 0f;
      assertEquals(Float.floatToRawIntBits(yfi), Float.floatToRawIntBits(yf[i]), spec + " float f at " + i);
      float gfi = inside ? (float) (f.derivative(xf[i], yfi) * gyf[i]) : 0f;
      assertEquals(gradientBits(gfi), gradientBits(gxf[i]), spec + " float f' at " + i);
    }
  }

  /**
   * The bits of a gradient, with −0 read as +0: the sign of a zero gradient is not part of the
   * contract (ReLU's loops give +0 where x ≤ 0, as PyTorch's {@code threshold_backward} does, while
   * derivative·gy is −0 for a negative gy), and no sum or update it enters can tell them apart
   * except in the sign of another zero.
   */
  private static long gradientBits(double g) {
    return Double.doubleToRawLongBits(g == 0 ? 0.0 : g);
  }

  private static int gradientBits(float g) {
    return Float.floatToRawIntBits(g == 0 ? 0f : g);
  }

  @Test
  void singleRowsEqualTheSameRowsOfABatch() {
    // widths that send single rows and batches down different product paths (direct and blocked)
    for (DType dtype : DType.values()) {
      Sequential model = Sequential.of(
          new Dense(64, TestInitializers.normal(0.1), TestInitializers.normal(0.1)), Activations.layer("relu"),
          new Dense(32, TestInitializers.normal(0.2), TestInitializers.normal(0.1)), Activations.layer("tanh"),
          new Dense(10, TestInitializers.normal(0.2), TestInitializers.normal(0.1)))
          .build(100, dtype, new SplittableRandom(2));
      SplittableRandom random = new SplittableRandom(9);
      int rows = 33;
      Tensor batch = random(dtype, rows, 100, random);
      Tensor upstream = random(dtype, rows, 10, random);
      Tensor out = model.forward(batch, true).copy();
      Tensor gx = model.backward(upstream).copy();
      for (int r = 0; r < rows; r++) {
        Tensor x = Tensor.zeros(dtype, 1, 100);
        Tensor u = Tensor.zeros(dtype, 1, 10);
        batch.gatherRows(new int[] {r}, 0, 1, x);
        upstream.gatherRows(new int[] {r}, 0, 1, u);
        Tensor y = model.forward(x, true);
        Tensor g = model.backward(u);
        for (int c = 0; c < 10; c++) {
          assertEquals(bits(out)[r * 10 + c], bits(y)[c], dtype.label() + " output row " + r);
        }
        for (int c = 0; c < 100; c++) {
          assertEquals(bits(gx)[r * 100 + c], bits(g)[c], dtype.label() + " input gradient row " + r);
        }
      }
    }
  }

  /**
   * Runs {@code separate}'s layers one by one forward on {@code x} and backward from {@code
   * upstream}, and checks that {@code stacked}'s output {@code y}, input gradient {@code gx} and
   * parameter gradients have their bits; returns the input gradient of the layers run one by one.
   */
  static Tensor assertSameAsOneByOne(
      Sequential separate, Tensor x, Tensor upstream, Sequential stacked, Tensor y, Tensor gx, String what) {
    Tensor expected = x;
    for (Layer layer : separate.layers()) {
      expected = layer.forward(expected, true);
    }
    Tensor g = upstream;
    for (int i = separate.layers().size() - 1; i >= 0; i--) {
      g = separate.layers().get(i).backward(g);
    }
    assertArrayEquals(bits(expected), bits(y), what + ": output");
    assertArrayEquals(bits(g), bits(gx), what + ": input gradient");
    assertSameGradients(separate, stacked, what);
    return g;
  }

  static void assertSameGradients(Sequential expected, Sequential actual, String what) {
    for (int p = 0; p < actual.parameters().size(); p++) {
      assertArrayEquals(bits(expected.parameters().get(p).grad()), bits(actual.parameters().get(p).grad()),
          what + ": gradient of " + actual.parameters().get(p).name());
    }
  }

  static long[] bits(Tensor t) {
    long[] bits = new long[t.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = t.dtype() == DType.FLOAT32
          ? Float.floatToRawIntBits(t.floats()[i]) : Double.doubleToRawLongBits(t.doubles()[i]);
    }
    return bits;
  }
}
