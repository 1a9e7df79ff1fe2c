package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * RAdam, Adam with a rectified adaptive learning rate (Liu et al. 2020), as PyTorch's
 * {@code torch.optim.RAdam} computes it:
 *
 * <pre>
 *   g ← ±∇θ;   g ← g + λθ, or θ ← θ(1 − γλ) with decoupled_weight_decay
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   m̂ ← m / (1 − β₁ᵗ)
 *   ρ∞ = 2/(1 − β₂) − 1,   ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
 *   ρₜ &gt; 5:  r = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ)),  l = √(1 − β₂ᵗ)/(√v + ε),
 *            θ ← θ − γ·m̂·l·r
 *   else:    θ ← θ − γ·m̂
 * </pre>
 *
 * <p>Source: PyTorch {@code torch/optim/radam.py} ({@code _single_tensor_radam});
 * {@code decoupled_weight_decay} and {@code maximize} are PyTorch 2.x options, taken from its
 * documented algorithm. State: {@code exp_avg}, {@code exp_avg_sq}. Not thread-safe.
 */
public final class RAdam extends FusedOptimizer {
  static final String NAME = "radam";
  private final Config config;
  private double bias1;
  private double adaptive;
  private double rectified;
  private double decay;

  /**
   * RAdam's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay λ ≥ 0
   * @param decoupledWeightDecay whether λ decays the weights (AdamW style) instead of adding λθ to g
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay,
      boolean decoupledWeightDecay, boolean maximize) {
    public Config {
      AdamFamilyChecks.check(NAME, lr, beta1, beta2, eps, weightDecay);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("eps", eps)
          .add("weight_decay", weightDecay).add("decoupled_weight_decay", decoupledWeightDecay)
          .add("maximize", maximize).toString();
    }
  }

  /** RAdam with {@code config}. */
  public RAdam(Config config) {
    super(NAME, config.lr(), "exp_avg", "exp_avg_sq");
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
    double beta2 = config.beta2();
    bias1 = 1 - Math.pow(config.beta1(), t);
    double bias2 = 1 - Math.pow(beta2, t);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bias2;
    if (rhoT > 5) {
      rectified = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      adaptive = Math.sqrt(bias2);
    } else {
      rectified = 0;
      adaptive = 0;
    }
    decay = config.decoupledWeightDecay() ? 1 - lr * config.weightDecay() : 1;
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double sign = config.maximize() ? -1 : 1;
    double l2 = config.decoupledWeightDecay() ? 0 : config.weightDecay();
    double decay = this.decay;
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double c1 = 1 - beta1;
    double c2 = 1 - beta2;
    double eps = config.eps();
    double lr = learningRate();
    double bias1 = this.bias1;
    double adaptive = this.adaptive;
    double rectified = this.rectified;
    boolean rectify = rectified != 0;
    double[] m = b[0];
    double[] v = b[1];
    for (int i = from; i < to; i++) {
      double pi = p[i] * decay;
      double d = sign * g[i] + l2 * p[i];
      double mi = beta1 * m[i] + c1 * d;
      double vi = beta2 * v[i] + c2 * d * d;
      m[i] = mi;
      v[i] = vi;
      double step = mi / bias1 * lr;
      if (rectify) {
        step = step * (adaptive / (Math.sqrt(vi) + eps)) * rectified;
      }
      p[i] = pi - step;
    }
  }

  /** The provider of {@code radam}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Adam with a rectified adaptive learning rate (Liu et al. 2020; PyTorch RAdam)",
          List.of(
              ParamSpec.number("lr", 0.001, "learning rate γ, ≥ 0"),
              ParamSpec.number("beta1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta2", 0.999, "decay β₂ of the second moment, in [0, 1)"),
              ParamSpec.number("eps", 1e-8, "ε added to the denominator, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "weight decay λ, ≥ 0"),
              ParamSpec.flag("decoupled_weight_decay", false, "decay the weights θ ← θ(1 − γλ) instead of adding λθ to g"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new RAdam(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"), a.getDouble("eps"),
              a.getDouble("weight_decay"), a.getBoolean("decoupled_weight_decay"), a.getBoolean("maximize"))));
    }
  }
}
