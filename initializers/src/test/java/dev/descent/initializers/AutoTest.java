package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.init.Initializers;
import dev.descent.initializers.adaptive.Auto;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code auto} picks He for the ReLU family, Glorot for tanh, sigmoid, softmax and linear, LeCun for selu. */
class AutoTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "relu, he_normal", "leaky_relu, he_normal", "elu, he_normal", "gelu, he_normal", "silu, he_normal",
    "swish, he_normal", "softplus, he_normal", "tanh, glorot_uniform", "sigmoid, glorot_uniform",
    "softmax, glorot_uniform", "linear, glorot_uniform", "identity, glorot_uniform", "selu, lecun_normal",
    "RELU, he_normal", "my_custom_activation, glorot_uniform"
  })
  void picksBySchemeFamily(String activation, String expected) {
    var choice = Initializers.resolve("auto").forActivation(activation);
    assertEquals("auto→" + expected, choice.spec());
    assertEquals(expected, ((Auto.Choice) choice).picked().spec());
  }

  @Test
  void aDenseLayerGetsTheSchemeOfTheActivationAfterIt() {
    Sequential auto = Sequential.of(Dense.of(16, "auto", "zeros"), Activations.layer("relu"),
        Dense.of(8, "auto", "zeros"), Activations.layer("tanh"), Dense.of(4, "auto", "zeros"), Activations.layer("selu"),
        Dense.of(2, "auto", "zeros"));
    Sequential explicit = Sequential.of(Dense.of(16, "he_normal", "zeros"), Activations.layer("relu"),
        Dense.of(8, "glorot_uniform", "zeros"), Activations.layer("tanh"), Dense.of(4, "lecun_normal", "zeros"),
        Activations.layer("selu"), Dense.of(2, "glorot_uniform", "zeros"));
    auto.build(10, DType.FLOAT64, new SplittableRandom(4));
    explicit.build(10, DType.FLOAT64, new SplittableRandom(4));
    for (int i = 0; i < auto.parameters().size(); i++) {
      assertArrayEquals(explicit.parameters().get(i).value().doubles(), auto.parameters().get(i).value().doubles(),
          auto.parameters().get(i).name());
    }
    assertEquals("dense(units=16, weight_init='auto', bias_init='zeros')", auto.layers().get(0).spec());
  }
}
