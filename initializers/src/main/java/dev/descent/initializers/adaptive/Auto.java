package dev.descent.initializers.adaptive;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.initializers.PredictableInitializer;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.keras.Preset;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code auto}, Descent's default weight scheme: the classic match of scheme to the activation that
 * follows the layer, each preserving the variance of the signal through that activation.
 *
 * <ul>
 *   <li><b>He</b> ({@code he_normal}, std √(2/fan_in); He et al. 2015) for the ReLU family, whose
 *       units pass about half of a symmetric input: {@code relu, leaky_relu, prelu, relu6, elu,
 *       celu, gelu, silu, swish, mish, softplus};
 *   <li><b>LeCun</b> ({@code lecun_normal}, std √(1/fan_in); Klambauer et al. 2017) for {@code selu},
 *       whose self-normalizing fixed point needs exactly that variance;
 *   <li><b>Glorot</b> ({@code glorot_uniform}, limit √(6/(fan_in + fan_out)); Glorot and Bengio
 *       2010) for {@code tanh, sigmoid, logistic, softmax, softsign, hard_sigmoid, hard_tanh} and no
 *       activation ({@code linear, identity}), and for any activation it does not know, as Keras
 *       defaults to it.
 * </ul>
 *
 * {@link #forActivation} returns a {@link Choice} whose {@code spec()} says what was picked, such as
 * {@code auto→he_normal}, and {@link Choice#reason()} why. Filled directly, without an activation,
 * {@code auto} behaves as for {@code linear}. Immutable and thread-safe.
 */
public record Auto() implements PredictableInitializer {

  /** Activations that get He initialization. */
  public static final Set<String> RELU_FAMILY = Set.of(
      "relu", "leaky_relu", "prelu", "relu6", "elu", "celu", "gelu", "silu", "swish", "mish", "softplus");

  /** Activations that get LeCun initialization. */
  public static final Set<String> SELU_FAMILY = Set.of("selu");

  /** Activations that get Glorot initialization (as does any unknown one). */
  public static final Set<String> GLOROT_FAMILY = Set.of(
      "tanh", "sigmoid", "logistic", "softmax", "softsign", "hard_sigmoid", "hard_tanh", "linear", "identity");

  /**
   * The scheme {@code auto} picked for one activation.
   *
   * @param activation the activation's name, lower case
   * @param picked the scheme used
   * @param reason one line: why this scheme
   */
  public record Choice(String activation, Preset picked, String reason) implements PredictableInitializer {

    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      picked.fill(tensor, fans, random);
    }

    @Override
    public Distribution distribution(Shape shape, Fans fans) {
      return picked.distribution(shape, fans);
    }

    /** {@code auto→he_normal}: what was picked. Not a spec the registry parses; {@code auto} is. */
    @Override
    public String spec() {
      return "auto→" + picked.spec();
    }
  }

  /** The scheme for a weight followed by {@code activation} ({@code linear} when none is). */
  public static Choice pick(String activation) {
    String name = activation == null ? "linear" : activation.strip().toLowerCase(Locale.ROOT);
    if (RELU_FAMILY.contains(name)) {
      return new Choice(name, Preset.HE_NORMAL, name + " is in the ReLU family: He, std √(2/fan_in)");
    }
    if (SELU_FAMILY.contains(name)) {
      return new Choice(name, Preset.LECUN_NORMAL, "selu self-normalizes with LeCun, std √(1/fan_in)");
    }
    if (GLOROT_FAMILY.contains(name)) {
      return new Choice(name, Preset.GLOROT_UNIFORM,
          name + " is symmetric and near-linear at 0: Glorot, limit √(6/(fan_in + fan_out))");
    }
    return new Choice(name, Preset.GLOROT_UNIFORM, "no rule for '" + name + "': Glorot, Keras's default");
  }

  @Override
  public Initializer forActivation(String activation) {
    return pick(activation);
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    pick("linear").fill(tensor, fans, random);
  }

  @Override
  public Distribution distribution(Shape shape, Fans fans) {
    return pick("linear").distribution(shape, fans);
  }

  @Override
  public String spec() {
    return "auto";
  }
}
