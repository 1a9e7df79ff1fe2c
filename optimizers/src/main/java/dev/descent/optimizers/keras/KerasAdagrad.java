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
 * Keras 3's {@code Adagrad} ({@code keras/src/optimizers/adagrad.py}), with epsilon inside the square
 * root and an initial accumulator of 0.1:
 *
 * <pre>
 *   θ ← θ − θ·λ·η;   s ← s + g²;   θ ← θ − η·g/√(s + ε)
 * </pre>
 *
 * <p>State: {@code accumulator}. Not thread-safe.
 */
public final class KerasAdagrad extends KerasOptimizer {
  static final String NAME = "keras_adagrad";
  private final Config config;

  /**
   * Keras Adagrad's hyperparameters, validated on construction.
   *
   * @param learningRate η ≥ 0
   * @param initialAccumulatorValue s₀ ≥ 0
   * @param epsilon ε ≥ 0
   * @param weightDecay λ ≥ 0
   */
  public record Config(double learningRate, double initialAccumulatorValue, double epsilon, double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "learning_rate", learningRate, 0);
      Arguments.atLeast(NAME, "initial_accumulator_value", initialAccumulatorValue, 0);
      Arguments.atLeast(NAME, "epsilon", epsilon, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("learning_rate", learningRate)
          .add("initial_accumulator_value", initialAccumulatorValue).add("epsilon", epsilon)
          .add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras Adagrad with {@code config}. */
  public KerasAdagrad(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(), List.of("accumulator"), List.of());
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
  protected double initialValue(int index) {
    return config.initialAccumulatorValue();
  }

  @Override
  protected void begin(ParameterSlot slot) {}

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double lr = learningRate();
    double eps = config.epsilon();
    double[] s = b[0];
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double gi = g[i];
      double si = s[i] + gi * gi;
      s[i] = si;
      p[i] = pi - lr * gi / Math.sqrt(si + eps);
    }
  }

  /** The provider of {@code keras_adagrad}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 Adagrad: θ ← θ − ηg/√(Σg² + ε), accumulator starting at 0.1",
          List.of(
              ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
              ParamSpec.number("initial_accumulator_value", 0.1, "starting value of the accumulator, ≥ 0"),
              ParamSpec.number("epsilon", 1e-7, "ε added inside the square root, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasAdagrad(new Config(a.getDouble("learning_rate"), a.getDouble("initial_accumulator_value"),
              a.getDouble("epsilon"), a.getDouble("weight_decay"))));
    }
  }
}
