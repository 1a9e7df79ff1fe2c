package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.initializers.testing.Samples;
import dev.descent.nn.Dense;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code pytorch_linear_default} and {@code keras_dense_default} give a Dense layer what a fresh
 * {@code torch.nn.Linear} and {@code keras.layers.Dense} get, weight and bias.
 */
class LayerDefaultsTest {

  private static Dense build(String spec, int in, int units) {
    Dense dense = Dense.of(units, spec, spec);
    Sequential.of(dense).build(in, DType.FLOAT64, new SplittableRandom(8));
    return dense;
  }

  /** PyTorch Linear.reset_parameters: kaiming_uniform_(a=√5) and bias U(±1/√fan_in). */
  @Test
  void pytorchLinearDefault() {
    int in = 300;
    Dense dense = build("pytorch_linear_default", in, 4000);
    double kaimingBound = Math.sqrt(2.0 / (1 + 5)) * Math.sqrt(3.0 / in);
    double biasBound = 1 / Math.sqrt(in);
    assertEquals(biasBound, kaimingBound, 1e-15, "both are 1/√fan_in");
    assertUniform(dense.weight().value(), biasBound);
    assertUniform(dense.bias().value(), biasBound);
  }

  /** Keras Dense: kernel glorot_uniform, bias zeros. */
  @Test
  void kerasDenseDefault() {
    int in = 300;
    int units = 4000;
    Dense dense = build("keras_dense_default", in, units);
    assertUniform(dense.weight().value(), Math.sqrt(6.0 / (in + units)));
    assertEquals(0, dense.bias().value().sumOfSquares());
  }

  private static void assertUniform(Tensor t, double bound) {
    double[] values = t.toDoubleArray();
    for (double v : values) {
      assertTrue(Math.abs(v) <= bound, v + " beyond " + bound);
    }
    double[] probabilities = IntStream.rangeClosed(1, 99).mapToDouble(k -> k / 100.0).toArray();
    double[] quantiles = IntStream.rangeClosed(1, 99).mapToDouble(k -> -bound + 2 * bound * k / 100.0).toArray();
    double d = Samples.ksOnGrid(values, quantiles, probabilities);
    assertTrue(d < Samples.ksCritical(values.length, 1e-3), "KS distance " + d + " from U(±" + bound + ")");
  }
}
