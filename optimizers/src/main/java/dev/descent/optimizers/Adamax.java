package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Adamax, Adam with the infinity norm (Kingma and Ba 2015, section 7), as PyTorch's
 * {@code torch.optim.Adamax} computes it:
 *
 * <pre>
 *   g ← ±∇θ + λθ
 *   m ← β₁m + (1 − β₁)g
 *   u ← max(β₂u, |g| + ε)
 *   θ ← θ − (γ / (1 − β₁ᵗ)) · m / u
 * </pre>
 *
 * <p>Source: PyTorch {@code torch/optim/adamax.py} ({@code _single_tensor_adamax}). State:
 * {@code exp_avg}, {@code exp_inf}. Not thread-safe.
 */
public final class Adamax extends FusedOptimizer {
  static final String NAME = "adamax";
  private final Config config;
  private double stepSize;

  /**
   * Adamax's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1), the decay of the infinity norm
   * @param eps ε ≥ 0 added to |g|
   * @param weightDecay λ ≥ 0, the L2 penalty added to the gradient
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize) {
    public Config {
      AdamFamilyChecks.check(NAME, lr, beta1, beta2, eps, weightDecay);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("eps", eps)
          .add("weight_decay", weightDecay).add("maximize", maximize).toString();
    }
  }

  /** Adamax with {@code config}. */
  public Adamax(Config config) {
    super(NAME, config.lr(), "exp_avg", "exp_inf");
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
    stepSize = learningRate() / (1 - Math.pow(config.beta1(), slot.step()));
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double sign = config.maximize() ? -1 : 1;
    double wd = config.weightDecay();
    double beta1 = config.beta1();
    double c1 = 1 - beta1;
    double beta2 = config.beta2();
    double eps = config.eps();
    double stepSize = this.stepSize;
    double[] m = b[0];
    double[] u = b[1];
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + wd * pi;
      double mi = beta1 * m[i] + c1 * d;
      double ui = Math.max(beta2 * u[i], Math.abs(d) + eps);
      m[i] = mi;
      u[i] = ui;
      p[i] = pi - stepSize * (mi / ui);
    }
  }

  /** The provider of {@code adamax}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Adam with the infinity norm of past gradients (Kingma and Ba 2015; PyTorch Adamax)",
          List.of(
              ParamSpec.number("lr", 0.002, "learning rate γ, ≥ 0"),
              ParamSpec.number("beta1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta2", 0.999, "decay β₂ of the infinity norm, in [0, 1)"),
              ParamSpec.number("eps", 1e-8, "ε added to |g|, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "L2 penalty λ added to the gradient, ≥ 0"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new Adamax(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"), a.getDouble("eps"),
              a.getDouble("weight_decay"), a.getBoolean("maximize"))));
    }
  }
}
