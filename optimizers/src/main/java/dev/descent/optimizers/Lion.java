package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Lion, evolved sign momentum (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
 * Algorithm 2):
 *
 * <pre>
 *   c ← β₁m + (1 − β₁)g
 *   θ ← θ(1 − γλ) − γ·sign(c)
 *   m ← β₂m + (1 − β₂)g
 * </pre>
 *
 * <p>With the paper's defaults (γ = 1e-4, β₁ = 0.9, β₂ = 0.99, λ = 0) and the arithmetic of the
 * authors' PyTorch implementation ({@code google/automl lion/lion_pytorch.py}): the weight decay is
 * applied first, then the signed step. State: {@code exp_avg}. Not thread-safe.
 */
public final class Lion extends FusedOptimizer {
  static final String NAME = "lion";
  private final Config config;

  /**
   * Lion's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1), the interpolation of the update direction
   * @param beta2 β₂ in [0, 1), the decay of the momentum
   * @param weightDecay λ ≥ 0, decoupled weight decay
   */
  public record Config(double lr, double beta1, double beta2, double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      Arguments.inHalfOpen(NAME, "beta1", beta1, 0, 1);
      Arguments.inHalfOpen(NAME, "beta2", beta2, 0, 1);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("weight_decay", weightDecay)
          .toString();
    }
  }

  /** Lion with {@code config}. */
  public Lion(Config config) {
    super(NAME, config.lr(), "exp_avg");
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
    double decay = 1 - lr * config.weightDecay();
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double c1 = 1 - beta1;
    double c2 = 1 - beta2;
    double[] m = b[0];
    for (int i = from; i < to; i++) {
      double gi = g[i];
      double mi = m[i];
      double c = mi * beta1 + gi * c1;
      p[i] = p[i] * decay - lr * sign(c);
      m[i] = mi * beta2 + c2 * gi;
    }
  }

  /** The provider of {@code lion}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "signed interpolated momentum, θ ← θ − γ·sign(β₁m + (1 − β₁)g) (Chen et al. 2023)",
          List.of(
              ParamSpec.number("lr", 1e-4, "learning rate γ, ≥ 0"),
              ParamSpec.number("beta1", 0.9, "interpolation β₁ of the update direction, in [0, 1)"),
              ParamSpec.number("beta2", 0.99, "decay β₂ of the momentum, in [0, 1)"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ(1 − γλ), ≥ 0")),
          a -> new Lion(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"),
              a.getDouble("weight_decay"))));
    }
  }
}
