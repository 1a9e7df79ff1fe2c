package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.init.Fans;
import dev.descent.init.Initializers;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Predicted standard deviations and bounds against the formulas as the frameworks' documentation
 * writes them (Keras 3 keras.initializers; PyTorch torch.nn.init), written out here by hand.
 */
class PublishedFormulaTest {

  private static Distribution predicted(String spec, int in, int out) {
    return PredictableInitializer.of(Initializers.resolve(spec), Shape.matrix(in, out), Fans.dense(in, out))
        .orElseThrow();
  }

  @ParameterizedTest(name = "fan_in={0}, fan_out={1}")
  @CsvSource({"784, 256", "3, 5", "1000, 1", "64, 64"})
  void kerasSchemes(int in, int out) {
    double truncation = 2; // "values more than two standard deviations from the mean are discarded"
    double correction = 0.87962566103423978; // keras VarianceScaling source
    assertEquals(Math.sqrt(6.0 / (in + out)), predicted("glorot_uniform", in, out).max(), 1e-15);
    assertEquals(Math.sqrt(2.0 / (in + out)), predicted("glorot_normal", in, out).std(), 1e-12);
    assertEquals(truncation * Math.sqrt(2.0 / (in + out)) / correction, predicted("glorot_normal", in, out).max(), 1e-12);
    assertEquals(Math.sqrt(6.0 / in), predicted("he_uniform", in, out).max(), 1e-15);
    assertEquals(Math.sqrt(2.0 / in), predicted("he_normal", in, out).std(), 1e-12);
    assertEquals(Math.sqrt(3.0 / in), predicted("lecun_uniform", in, out).max(), 1e-15);
    assertEquals(Math.sqrt(1.0 / in), predicted("lecun_normal", in, out).std(), 1e-12);
    assertEquals(Math.sqrt(0.5 / out),
        predicted("variance_scaling(scale=0.5, mode=fan_out, distribution=untruncated_normal)", in, out).std(), 1e-15);
    assertEquals(0.05, predicted("random_normal", in, out).std(), 0);
    assertEquals(-0.05, predicted("random_uniform", in, out).min(), 0);
    assertEquals(0.05 * 2, predicted("truncated_normal", in, out).max(), 1e-15);
  }

  @ParameterizedTest(name = "fan_in={0}, fan_out={1}")
  @CsvSource({"784, 256", "3, 5", "1000, 1", "64, 64"})
  void pytorchSchemes(int in, int out) {
    double leakyGain = Math.sqrt(2.0 / (1 + 0.0)); // calculate_gain('leaky_relu', 0)
    assertEquals(leakyGain / Math.sqrt(in), predicted("kaiming_normal", in, out).std(), 1e-15);
    assertEquals(leakyGain * Math.sqrt(3.0 / in), predicted("kaiming_uniform", in, out).max(), 1e-15);
    assertEquals(Math.sqrt(2.0) / Math.sqrt(out),
        predicted("kaiming_normal(mode=fan_out, nonlinearity=relu)", in, out).std(), 1e-15);
    assertEquals(Math.sqrt(2.0 / (1 + 0.04)) * Math.sqrt(3.0 / in),
        predicted("kaiming_uniform(a=0.2)", in, out).max(), 1e-15);
    assertEquals(Math.sqrt(6.0 / (in + out)), predicted("xavier_uniform", in, out).max(), 1e-15);
    assertEquals(3 * Math.sqrt(2.0 / (in + out)), predicted("xavier_normal(gain=3)", in, out).std(), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, predicted("xavier_normal", in, out).max());
    assertEquals(1 / Math.sqrt(in), predicted("pytorch_linear_default", in, out).max(), 1e-15);
  }
}
