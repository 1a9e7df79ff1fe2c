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
 * Keras 3's {@code Adam} and {@code AdamW} ({@code keras/src/optimizers/adam.py}, {@code adamw.py}),
 * which fold both bias corrections into the step size and so add epsilon outside the corrected
 * second moment (PyTorch adds it after dividing by √(1 − β₂ᵗ)):
 *
 * <pre>
 *   θ ← θ − θ·λ·η                                        (weight_decay λ, always decoupled)
 *   α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)
 *   m ← m + (g − m)(1 − β₁),   v ← v + (g² − v)(1 − β₂),   v̂ ← max(v̂, v) with amsgrad
 *   θ ← θ − m·α/(√v + ε)      (√v̂ with amsgrad)
 * </pre>
 *
 * <p>{@code keras_adamw} is the same rule with weight decay 0.004 by default. State:
 * {@code momentum}, {@code velocity} and, with amsgrad, {@code velocity_hat}. Not thread-safe.
 */
public final class KerasAdam extends KerasOptimizer {
  private final Config config;
  private double alpha;

  /**
   * Keras Adam's or AdamW's hyperparameters, validated on construction.
   *
   * @param name {@code keras_adam} or {@code keras_adamw}
   * @param learningRate η ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param epsilon ε ≥ 0
   * @param amsgrad whether to use the running maximum of v
   * @param weightDecay λ ≥ 0
   */
  public record Config(String name, double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad,
      double weightDecay) {
    public Config {
      Arguments.atLeast(name, "learning_rate", learningRate, 0);
      Arguments.inHalfOpen(name, "beta_1", beta1, 0, 1);
      Arguments.inHalfOpen(name, "beta_2", beta2, 0, 1);
      Arguments.atLeast(name, "epsilon", epsilon, 0);
      Arguments.atLeast(name, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(name).add("learning_rate", learningRate).add("beta_1", beta1).add("beta_2", beta2)
          .add("epsilon", epsilon).add("amsgrad", amsgrad).add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras Adam or AdamW with {@code config}. */
  public KerasAdam(Config config) {
    super(config.name(), config.learningRate(), config.weightDecay(), config.amsgrad()
        ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity"), List.of());
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
    double t = slot.step();
    alpha = learningRate() * Math.sqrt(1 - Math.pow(config.beta2(), t)) / (1 - Math.pow(config.beta1(), t));
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double c1 = 1 - config.beta1();
    double c2 = 1 - config.beta2();
    double eps = config.epsilon();
    double alpha = this.alpha;
    double[] m = b[0];
    double[] v = b[1];
    double[] vhat = config.amsgrad() ? b[2] : null;
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double gi = g[i];
      double mi = m[i] + (gi - m[i]) * c1;
      double vi = v[i] + (gi * gi - v[i]) * c2;
      m[i] = mi;
      v[i] = vi;
      if (vhat != null) {
        vi = Math.max(vhat[i], vi);
        vhat[i] = vi;
      }
      p[i] = pi - mi * alpha / (Math.sqrt(vi) + eps);
    }
  }

  static List<ParamSpec> declarations(double weightDecay) {
    return List.of(
        ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
        ParamSpec.number("beta_1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
        ParamSpec.number("beta_2", 0.999, "decay β₂ of the second moment, in [0, 1)"),
        ParamSpec.number("epsilon", 1e-7, "ε added to √v (outside the bias correction), ≥ 0"),
        ParamSpec.flag("amsgrad", false, "use the running maximum of v (Reddi et al. 2018)"),
        ParamSpec.number("weight_decay", weightDecay, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0"));
  }

  static KerasAdam build(String name, dev.descent.spec.Arguments a) {
    return new KerasAdam(new Config(name, a.getDouble("learning_rate"), a.getDouble("beta_1"), a.getDouble("beta_2"),
        a.getDouble("epsilon"), a.getBoolean("amsgrad"), a.getDouble("weight_decay")));
  }

  /** The provider of {@code keras_adam}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super("keras_adam", List.of(), "Keras 3 Adam: θ ← θ − m·η√(1 − β₂ᵗ)/(1 − β₁ᵗ)/(√v + ε), ε outside the bias correction",
          declarations(0), a -> build("keras_adam", a));
    }
  }

  /** The provider of {@code keras_adamw}. */
  @AutoService(OptimizerProvider.class)
  public static final class WProvider extends OptimizerSupport {
    public WProvider() {
      super("keras_adamw", List.of(), "Keras 3 AdamW: Keras Adam with decoupled weight decay 0.004 by default",
          declarations(0.004), a -> build("keras_adamw", a));
    }
  }
}
