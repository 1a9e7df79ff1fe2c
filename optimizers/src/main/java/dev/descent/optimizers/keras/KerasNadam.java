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
 * Keras 3's {@code Nadam} ({@code keras/src/optimizers/nadam.py}), whose momentum schedule is
 * μₜ = β₁(1 − ½·0.96ᵗ) (PyTorch's is β₁(1 − ½·0.96^(0.004t))):
 *
 * <pre>
 *   θ ← θ − θ·λ·η
 *   Πₜ = Πₜ₋₁μₜ                                    (u_product, Π₀ = 1)
 *   m ← m + (g − m)(1 − β₁),   v ← v + (g² − v)(1 − β₂)
 *   m̂ = μₜ₊₁m/(1 − Πₜμₜ₊₁) + (1 − μₜ)g/(1 − Πₜ),   v̂ = v/(1 − β₂ᵗ)
 *   θ ← θ − η·m̂/(√v̂ + ε)
 * </pre>
 *
 * <p>Keras keeps one Π for the whole model; here each parameter keeps its own, which is the same
 * when every parameter is stepped every time. State: {@code u_product}, {@code momentum},
 * {@code velocity}. Not thread-safe.
 */
public final class KerasNadam extends KerasOptimizer {
  static final String NAME = "keras_nadam";
  private static final int U_PRODUCT = 0;
  private final Config config;
  private double momentumWeight;
  private double gradientWeight;
  private double bias2;

  /**
   * Keras Nadam's hyperparameters, validated on construction.
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

  /** Keras Nadam with {@code config}. */
  public KerasNadam(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(), List.of("momentum", "velocity"), List.of("u_product"));
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
  protected void initialize(ParameterSlot slot) {
    slot.setScalar(U_PRODUCT, 1);
  }

  @Override
  protected void begin(ParameterSlot slot) {
    double t = slot.step();
    double beta1 = config.beta1();
    double product = slot.scalar(U_PRODUCT) * beta1 * (1.0 - 0.5 * Math.pow(0.96, t));
    slot.setScalar(U_PRODUCT, product);
    double ut = beta1 * (1.0 - 0.5 * Math.pow(0.96, t));
    double utNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, t + 1));
    momentumWeight = utNext / (1 - product * utNext);
    gradientWeight = (1 - ut) / (1 - product);
    bias2 = 1 - Math.pow(config.beta2(), t);
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double lr = learningRate();
    double c1 = 1 - config.beta1();
    double c2 = 1 - config.beta2();
    double eps = config.epsilon();
    double mw = momentumWeight;
    double gw = gradientWeight;
    double bias2 = this.bias2;
    double[] m = b[0];
    double[] v = b[1];
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double gi = g[i];
      double mi = m[i] + (gi - m[i]) * c1;
      double vi = v[i] + (gi * gi - v[i]) * c2;
      m[i] = mi;
      v[i] = vi;
      double mhat = mw * mi + gw * gi;
      p[i] = pi - mhat * lr / (Math.sqrt(vi / bias2) + eps);
    }
  }

  /** The provider of {@code keras_nadam}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 Nadam: Adam with Nesterov momentum and the schedule μₜ = β₁(1 − ½·0.96ᵗ)",
          List.of(
              ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
              ParamSpec.number("beta_1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta_2", 0.999, "decay β₂ of the second moment, in [0, 1)"),
              ParamSpec.number("epsilon", 1e-7, "ε added to √v̂, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasNadam(new Config(a.getDouble("learning_rate"), a.getDouble("beta_1"), a.getDouble("beta_2"),
              a.getDouble("epsilon"), a.getDouble("weight_decay"))));
    }
  }
}
