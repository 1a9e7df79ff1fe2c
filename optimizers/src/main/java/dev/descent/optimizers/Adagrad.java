package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Adagrad (Duchi et al. 2011) as PyTorch's {@code torch.optim.Adagrad} computes it:
 *
 * <pre>
 *   g ← ±∇θ + λθ                     γ̃ ← γ / (1 + (t − 1)η)      (lr γ, lr_decay η)
 *   s ← s + g²                        (s₀ = initial_accumulator_value)
 *   θ ← θ − γ̃ · g / (√s + ε)
 * </pre>
 *
 * <p>Epsilon is added outside the square root (Keras adds it inside: see {@code keras_adagrad}).
 * Source: PyTorch {@code torch/optim/adagrad.py} ({@code _single_tensor_adagrad}). State: {@code sum}.
 * Not thread-safe.
 */
public final class Adagrad extends FusedOptimizer {
  static final String NAME = "adagrad";
  private final Config config;
  private double clr;

  /**
   * Adagrad's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param lrDecay η ≥ 0, the decay of the learning rate with the step count
   * @param weightDecay λ ≥ 0, the L2 penalty added to the gradient
   * @param initialAccumulatorValue s₀ ≥ 0, the starting value of the sum of squares
   * @param eps ε ≥ 0 added to the denominator
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
      boolean maximize) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      Arguments.atLeast(NAME, "lr_decay", lrDecay, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
      Arguments.atLeast(NAME, "initial_accumulator_value", initialAccumulatorValue, 0);
      Arguments.atLeast(NAME, "eps", eps, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("lr_decay", lrDecay).add("weight_decay", weightDecay)
          .add("initial_accumulator_value", initialAccumulatorValue).add("eps", eps).add("maximize", maximize)
          .toString();
    }
  }

  /** Adagrad with {@code config}. */
  public Adagrad(Config config) {
    super(NAME, config.lr(), "sum");
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
  protected void begin(ParameterSlot slot) {
    clr = learningRate() / (1 + (slot.step() - 1) * config.lrDecay());
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double sign = config.maximize() ? -1 : 1;
    double wd = config.weightDecay();
    double eps = config.eps();
    double clr = this.clr;
    double[] s = b[0];
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + wd * pi;
      double si = s[i] + d * d;
      s[i] = si;
      p[i] = pi - clr * (d / (Math.sqrt(si) + eps));
    }
  }

  /** The provider of {@code adagrad}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "adaptive per-coordinate steps γ·g/(√Σg² + ε) (Duchi et al. 2011; PyTorch Adagrad)",
          List.of(
              ParamSpec.number("lr", 0.01, "learning rate γ, ≥ 0"),
              ParamSpec.number("lr_decay", 0, "learning-rate decay η: γ/(1 + (t − 1)η), ≥ 0"),
              ParamSpec.number("weight_decay", 0, "L2 penalty λ added to the gradient, ≥ 0"),
              ParamSpec.number("initial_accumulator_value", 0, "starting value of the sum of squared gradients, ≥ 0"),
              ParamSpec.number("eps", 1e-10, "ε added to the denominator outside the square root, ≥ 0"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new Adagrad(new Config(a.getDouble("lr"), a.getDouble("lr_decay"), a.getDouble("weight_decay"),
              a.getDouble("initial_accumulator_value"), a.getDouble("eps"), a.getBoolean("maximize"))));
    }
  }
}
