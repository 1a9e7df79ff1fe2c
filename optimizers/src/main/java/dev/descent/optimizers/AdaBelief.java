package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * AdaBelief (Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients", Algorithm 2): Adam whose second moment tracks the squared deviation of the gradient
 * from its running mean:
 *
 * <pre>
 *   θ ← θ(1 − γλ) (decoupled, the default), or g ← g + λθ
 *   m ← β₁m + (1 − β₁)g
 *   s ← β₂s + (1 − β₂)(g − m)² + ε
 *   θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√s / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>With the defaults of the authors' implementation ({@code adabelief-pytorch} 0.2: γ = 1e-3,
 * β = (0.9, 0.999), ε = 1e-16, decoupled weight decay), without its optional rectification. State:
 * {@code exp_avg}, {@code exp_avg_var}. Not thread-safe.
 */
public final class AdaBelief extends FusedOptimizer {
  static final String NAME = "adabelief";
  private final Config config;
  private double stepSize;
  private double bias2Sqrt;
  private double decay;

  /**
   * AdaBelief's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param eps ε ≥ 0, added to s and to the denominator
   * @param weightDecay λ ≥ 0
   * @param decoupledWeightDecay whether λ decays the weights (the authors' {@code weight_decouple})
   */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay,
      boolean decoupledWeightDecay) {
    public Config {
      AdamFamilyChecks.check(NAME, lr, beta1, beta2, eps, weightDecay);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("eps", eps)
          .add("weight_decay", weightDecay).add("decoupled_weight_decay", decoupledWeightDecay).toString();
    }
  }

  /** AdaBelief with {@code config}. */
  public AdaBelief(Config config) {
    super(NAME, config.lr(), "exp_avg", "exp_avg_var");
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
    double lr = learningRate();
    double t = slot.step();
    stepSize = lr / (1 - Math.pow(config.beta1(), t));
    bias2Sqrt = Math.sqrt(1 - Math.pow(config.beta2(), t));
    decay = config.decoupledWeightDecay() ? 1 - lr * config.weightDecay() : 1;
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double l2 = config.decoupledWeightDecay() ? 0 : config.weightDecay();
    double decay = this.decay;
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double c1 = 1 - beta1;
    double c2 = 1 - beta2;
    double eps = config.eps();
    double stepSize = this.stepSize;
    double bias2Sqrt = this.bias2Sqrt;
    double[] m = b[0];
    double[] s = b[1];
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = g[i] + l2 * pi;
      double mi = beta1 * m[i] + c1 * d;
      double r = d - mi;
      double si = beta2 * s[i] + c2 * r * r + eps;
      m[i] = mi;
      s[i] = si;
      p[i] = pi * decay - stepSize * (mi / (Math.sqrt(si) / bias2Sqrt + eps));
    }
  }

  /** The provider of {@code adabelief}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Adam with the variance of the gradient around its running mean (Zhuang et al. 2020)",
          List.of(
              ParamSpec.number("lr", 0.001, "learning rate γ, ≥ 0"),
              ParamSpec.number("beta1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta2", 0.999, "decay β₂ of the belief (variance) term, in [0, 1)"),
              ParamSpec.number("eps", 1e-16, "ε added to the variance and to the denominator, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "weight decay λ, ≥ 0"),
              ParamSpec.flag("decoupled_weight_decay", true, "decay the weights θ ← θ(1 − γλ) instead of adding λθ to g")),
          a -> new AdaBelief(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"),
              a.getDouble("eps"), a.getDouble("weight_decay"), a.getBoolean("decoupled_weight_decay"))));
    }
  }
}
