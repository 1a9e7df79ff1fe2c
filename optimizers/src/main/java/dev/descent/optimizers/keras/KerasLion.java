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
 * Keras 3's {@code Lion} ({@code keras/src/optimizers/lion.py}): Chen et al.'s rule with Keras's
 * learning-rate default (0.001, ten times the paper's):
 *
 * <pre>
 *   θ ← θ − θ·λ·η;   θ ← θ − η·sign(β₁m + (1 − β₁)g);   m ← β₂m + (1 − β₂)g
 * </pre>
 *
 * <p>State: {@code momentum}. Not thread-safe.
 */
public final class KerasLion extends KerasOptimizer {
  static final String NAME = "keras_lion";
  private final Config config;

  /**
   * Keras Lion's hyperparameters, validated on construction (β₁ in (0, 1] as Keras requires).
   *
   * @param learningRate η ≥ 0
   * @param beta1 β₁ in (0, 1]
   * @param beta2 β₂ in [0, 1)
   * @param weightDecay λ ≥ 0
   */
  public record Config(double learningRate, double beta1, double beta2, double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "learning_rate", learningRate, 0);
      if (!(beta1 > 0 && beta1 <= 1)) {
        throw Arguments.rangeError(NAME, "beta_1", beta1, "in (0, 1] (at 0 Lion degenerates to SignSGD)");
      }
      Arguments.inHalfOpen(NAME, "beta_2", beta2, 0, 1);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("learning_rate", learningRate).add("beta_1", beta1).add("beta_2", beta2)
          .add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras Lion with {@code config}. */
  public KerasLion(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(), List.of("momentum"), List.of());
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
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double[] m = b[0];
    for (int i = from; i < to; i++) {
      double gi = g[i];
      double mi = m[i];
      p[i] = decay(p[i]) - lr * sign(mi * beta1 + gi * (1.0 - beta1));
      m[i] = mi * beta2 + gi * (1.0 - beta2);
    }
  }

  /** The provider of {@code keras_lion}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 Lion: θ ← θ − η·sign(β₁m + (1 − β₁)g), learning rate 0.001 by default",
          List.of(
              ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
              ParamSpec.number("beta_1", 0.9, "interpolation β₁ of the update direction, in (0, 1]"),
              ParamSpec.number("beta_2", 0.99, "decay β₂ of the momentum, in [0, 1)"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasLion(new Config(a.getDouble("learning_rate"), a.getDouble("beta_1"), a.getDouble("beta_2"),
              a.getDouble("weight_decay"))));
    }
  }
}
