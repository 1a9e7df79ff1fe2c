package dev.descent.optimizers.keras;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.optimizers.OptimizerSupport;
import dev.descent.optimizers.ParameterSlot;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Keras 3's {@code SGD} ({@code keras/src/optimizers/sgd.py}), which keeps the learning rate inside
 * the momentum buffer (PyTorch keeps it outside, so the two differ when the rate changes):
 *
 * <pre>
 *   θ ← θ − θ·λ·η                            (weight_decay λ, decoupled)
 *   μ = 0:  θ ← θ − η·g
 *   else:   v ← μ·v − η·g;   θ ← θ + μ·v − η·g if nesterov, else θ ← θ + v
 * </pre>
 *
 * <p>State: {@code momentum} when μ ≠ 0. Not thread-safe.
 */
public final class KerasSgd extends KerasOptimizer {
  static final String NAME = "keras_sgd";
  private final Config config;

  /**
   * Keras SGD's hyperparameters, validated on construction.
   *
   * @param learningRate η ≥ 0 (default 0.01)
   * @param momentum μ in [0, 1]
   * @param nesterov whether to use Nesterov momentum
   * @param weightDecay λ ≥ 0 (Keras's default None is 0)
   */
  public record Config(double learningRate, double momentum, boolean nesterov, double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "learning_rate", learningRate, 0);
      Arguments.inClosed(NAME, "momentum", momentum, 0, 1);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("learning_rate", learningRate).add("momentum", momentum).add("nesterov", nesterov)
          .add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras SGD with {@code config}. */
  public KerasSgd(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(),
        config.momentum() != 0 ? List.of("momentum") : List.of(), List.of());
    this.config = config;
  }

  /** The hyperparameters. */
  public Config config() {
    return config;
  }

  @Override
  public String spec() {
    return config.spec();
  }

  @Override
  protected void begin(ParameterSlot slot) {}

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double lr = learningRate();
    if (b.length == 0) {
      for (int i = from; i < to; i++) {
        p[i] = decay(p[i]) - g[i] * lr;
      }
      return;
    }
    double mu = config.momentum();
    double[] m = b[0];
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double step = g[i] * lr;
      double mi = m[i] * mu - step;
      m[i] = mi;
      p[i] = config.nesterov() ? pi + (mi * mu - step) : pi + mi;
    }
  }

  /** The provider of {@code keras_sgd}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 SGD: the learning rate inside the momentum buffer, v ← μv − ηg, θ ← θ + v",
          List.of(
              ParamSpec.number("learning_rate", 0.01, "learning rate η, ≥ 0"),
              ParamSpec.number("momentum", 0, "momentum μ, in [0, 1]"),
              ParamSpec.flag("nesterov", false, "Nesterov momentum"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasSgd(new Config(a.getDouble("learning_rate"), a.getDouble("momentum"), a.getBoolean("nesterov"),
              a.getDouble("weight_decay"))));
    }
  }
}
