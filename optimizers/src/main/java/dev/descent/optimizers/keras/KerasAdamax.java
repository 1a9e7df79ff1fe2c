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
 * Keras 3's {@code Adamax} ({@code keras/src/optimizers/adamax.py}), which adds epsilon to the
 * infinity norm at the division (PyTorch adds it to |g| inside the maximum):
 *
 * <pre>
 *   θ ← θ − θ·λ·η
 *   m ← m + (g − m)(1 − β₁),   u ← max(β₂u, |g|)
 *   θ ← θ − η·m / ((1 − β₁ᵗ)(u + ε))
 * </pre>
 *
 * <p>State: {@code momentum}, {@code norm}. Not thread-safe.
 */
public final class KerasAdamax extends KerasOptimizer {
  static final String NAME = "keras_adamax";
  private final Config config;
  private double bias1;

  /**
   * Keras Adamax's hyperparameters, validated on construction.
   *
   * @param learningRate η ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param epsilon ε ≥ 0
   * @param weightDecay λ ≥ 0
   */
  public record Config(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "learning_rate", learningRate, 0);
      Arguments.inHalfOpen(NAME, "beta_1", beta1, 0, 1);
      Arguments.inHalfOpen(NAME, "beta_2", beta2, 0, 1);
      Arguments.atLeast(NAME, "epsilon", epsilon, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("learning_rate", learningRate).add("beta_1", beta1).add("beta_2", beta2)
          .add("epsilon", epsilon).add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras Adamax with {@code config}. */
  public KerasAdamax(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(), List.of("momentum", "norm"), List.of());
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
  protected void begin(ParameterSlot slot) {
    bias1 = 1 - Math.pow(config.beta1(), slot.step());
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double lr = learningRate();
    double c1 = 1 - config.beta1();
    double beta2 = config.beta2();
    double eps = config.epsilon();
    double bias1 = this.bias1;
    double[] m = b[0];
    double[] u = b[1];
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double gi = g[i];
      double mi = m[i] + (gi - m[i]) * c1;
      double ui = Math.max(beta2 * u[i], Math.abs(gi));
      m[i] = mi;
      u[i] = ui;
      p[i] = pi - lr * mi / (bias1 * (ui + eps));
    }
  }

  /** The provider of {@code keras_adamax}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 Adamax: θ ← θ − ηm/((1 − β₁ᵗ)(u + ε)), u = max(β₂u, |g|)",
          List.of(
              ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
              ParamSpec.number("beta_1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta_2", 0.999, "decay β₂ of the infinity norm, in [0, 1)"),
              ParamSpec.number("epsilon", 1e-7, "ε added to the infinity norm, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasAdamax(new Config(a.getDouble("learning_rate"), a.getDouble("beta_1"), a.getDouble("beta_2"),
              a.getDouble("epsilon"), a.getDouble("weight_decay"))));
    }
  }
}
