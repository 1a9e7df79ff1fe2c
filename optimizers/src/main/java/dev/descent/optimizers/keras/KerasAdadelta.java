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
 * Keras 3's {@code Adadelta} ({@code keras/src/optimizers/adadelta.py}): the same recurrences as
 * PyTorch's, with Keras's defaults (η = 0.001, ρ = 0.95, ε = 1e-7):
 *
 * <pre>
 *   θ ← θ − θ·λ·η
 *   a ← ρa + (1 − ρ)g²
 *   Δ = −√(u + ε)·g/√(a + ε)
 *   u ← ρu + (1 − ρ)Δ²
 *   θ ← θ + η·Δ
 * </pre>
 *
 * <p>State: {@code accumulated_grad} (a), {@code accumulated_delta_var} (u). Not thread-safe.
 */
public final class KerasAdadelta extends KerasOptimizer {
  static final String NAME = "keras_adadelta";
  private final Config config;

  /**
   * Keras Adadelta's hyperparameters, validated on construction.
   *
   * @param learningRate η ≥ 0
   * @param rho ρ in [0, 1]
   * @param epsilon ε ≥ 0
   * @param weightDecay λ ≥ 0
   */
  public record Config(double learningRate, double rho, double epsilon, double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "learning_rate", learningRate, 0);
      Arguments.inClosed(NAME, "rho", rho, 0, 1);
      Arguments.atLeast(NAME, "epsilon", epsilon, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("learning_rate", learningRate).add("rho", rho).add("epsilon", epsilon)
          .add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras Adadelta with {@code config}. */
  public KerasAdadelta(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(), List.of("accumulated_grad", "accumulated_delta_var"),
        List.of());
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
    double rho = config.rho();
    double c = 1 - rho;
    double eps = config.epsilon();
    double[] a = b[0];
    double[] u = b[1];
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double gi = g[i];
      double ai = rho * a[i] + c * (gi * gi);
      a[i] = ai;
      double delta = -(Math.sqrt(u[i] + eps) * gi / Math.sqrt(ai + eps));
      u[i] = rho * u[i] + c * (delta * delta);
      p[i] = pi + lr * delta;
    }
  }

  /** The provider of {@code keras_adadelta}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 Adadelta: Zeiler's rule with Keras's defaults (η = 0.001, ρ = 0.95)",
          List.of(
              ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
              ParamSpec.number("rho", 0.95, "decay ρ of the running averages, in [0, 1]"),
              ParamSpec.number("epsilon", 1e-7, "ε added inside the square roots, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasAdadelta(new Config(a.getDouble("learning_rate"), a.getDouble("rho"), a.getDouble("epsilon"),
              a.getDouble("weight_decay"))));
    }
  }
}
