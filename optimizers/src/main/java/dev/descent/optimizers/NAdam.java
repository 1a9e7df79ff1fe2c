package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * NAdam, Adam with Nesterov momentum (Dozat 2016), as current PyTorch's {@code torch.optim.NAdam}
 * computes it, with the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ)):
 *
 * <pre>
 *   g ← ±∇θ;   g ← g + λθ, or θ ← θ(1 − γλ) with decoupled_weight_decay
 *   Πₜ ← Πₜ₋₁·μₜ                                  (mu_product, Π₀ = 1)
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   d ← √(v / (1 − β₂ᵗ)) + ε
 *   θ ← θ − γ(1 − μₜ)/(1 − Πₜ) · g/d
 *   θ ← θ − γμₜ₊₁/(1 − Πₜμₜ₊₁) · m/d
 * </pre>
 *
 * <p>Source: PyTorch 2.x {@code torch/optim/nadam.py} ({@code _single_tensor_nadam}) and its
 * documented algorithm. PyTorch 1.13 multiplied μₜ into Πₜ₊₁ twice ({@code mu_product * mu *
 * mu_next}); this follows the corrected formula. {@code decoupled_weight_decay} (NAdamW) and
 * {@code maximize} are the 2.x options. State: {@code mu_product}, {@code exp_avg},
 * {@code exp_avg_sq}. Not thread-safe.
 */
public final class NAdam extends FusedOptimizer {
  static final String NAME = "nadam";
  private static final int MU_PRODUCT = 0;
  private final Config config;
  private double gradStep;
  private double momentumStep;
  private double bias2;
  private double decay;

  /**
   * NAdam's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay λ ≥ 0
   * @param momentumDecay ψ ≥ 0 in the momentum schedule
   * @param decoupledWeightDecay whether λ decays the weights (AdamW style) instead of adding λθ to g
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay,
      boolean decoupledWeightDecay, boolean maximize) {
    public Config {
      AdamFamilyChecks.check(NAME, lr, beta1, beta2, eps, weightDecay);
      Arguments.atLeast(NAME, "momentum_decay", momentumDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("eps", eps)
          .add("weight_decay", weightDecay).add("momentum_decay", momentumDecay)
          .add("decoupled_weight_decay", decoupledWeightDecay).add("maximize", maximize).toString();
    }
  }

  /** NAdam with {@code config}. */
  public NAdam(Config config) {
    super(NAME, config.lr(), List.of("exp_avg", "exp_avg_sq"), 0, List.of("mu_product"));
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
    slot.setScalar(MU_PRODUCT, 1);
  }

  @Override
  protected void begin(ParameterSlot slot) {
    double lr = learningRate();
    double t = slot.step();
    double mu = config.beta1() * (1 - 0.5 * Math.pow(0.96, t * config.momentumDecay()));
    double muNext = config.beta1() * (1 - 0.5 * Math.pow(0.96, (t + 1) * config.momentumDecay()));
    double product = slot.scalar(MU_PRODUCT) * mu;
    slot.setScalar(MU_PRODUCT, product);
    double productNext = product * muNext;
    gradStep = lr * (1 - mu) / (1 - product);
    momentumStep = lr * muNext / (1 - productNext);
    bias2 = 1 - Math.pow(config.beta2(), t);
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
    double bias2 = this.bias2;
    double gradStep = this.gradStep;
    double momentumStep = this.momentumStep;
    double[] m = b[0];
    double[] v = b[1];
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + l2 * pi;
      double mi = beta1 * m[i] + c1 * d;
      double vi = beta2 * v[i] + c2 * d * d;
      m[i] = mi;
      v[i] = vi;
      double denom = Math.sqrt(vi / bias2) + eps;
      double q = pi * decay - gradStep * (d / denom);
      p[i] = q - momentumStep * (mi / denom);
    }
  }

  /** The provider of {@code nadam}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Adam with Nesterov momentum and a momentum schedule (Dozat 2016; PyTorch NAdam)",
          List.of(
              ParamSpec.number("lr", 0.002, "learning rate γ, ≥ 0"),
              ParamSpec.number("beta1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta2", 0.999, "decay β₂ of the second moment, in [0, 1)"),
              ParamSpec.number("eps", 1e-8, "ε added to the denominator, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "weight decay λ, ≥ 0"),
              ParamSpec.number("momentum_decay", 0.004, "ψ in μₜ = β₁(1 − ½·0.96^(tψ)), ≥ 0"),
              ParamSpec.flag("decoupled_weight_decay", false, "decay the weights θ ← θ(1 − γλ) instead of adding λθ to g"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new NAdam(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"), a.getDouble("eps"),
              a.getDouble("weight_decay"), a.getDouble("momentum_decay"), a.getBoolean("decoupled_weight_decay"),
              a.getBoolean("maximize"))));
    }
  }
}
