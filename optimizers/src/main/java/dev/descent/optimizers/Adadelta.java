package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Adadelta (Zeiler 2012) as PyTorch's {@code torch.optim.Adadelta} computes it:
 *
 * <pre>
 *   g ← ±∇θ + λθ
 *   v ← ρv + (1 − ρ)g²
 *   Δ ← √(u + ε) / √(v + ε) · g
 *   u ← ρu + (1 − ρ)Δ²
 *   θ ← θ − γΔ
 * </pre>
 *
 * <p>Source: PyTorch {@code torch/optim/adadelta.py} ({@code _single_tensor_adadelta}). State:
 * {@code square_avg} (v) and {@code acc_delta} (u). Not thread-safe.
 */
public final class Adadelta extends FusedOptimizer {
  static final String NAME = "adadelta";
  private final Config config;

  /**
   * Adadelta's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0 that scales Δ
   * @param rho ρ in [0, 1], the decay of both running averages
   * @param eps ε ≥ 0 added inside both square roots
   * @param weightDecay λ ≥ 0, the L2 penalty added to the gradient
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double rho, double eps, double weightDecay, boolean maximize) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      Arguments.inClosed(NAME, "rho", rho, 0, 1);
      Arguments.atLeast(NAME, "eps", eps, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("rho", rho).add("eps", eps).add("weight_decay", weightDecay)
          .add("maximize", maximize).toString();
    }
  }

  /** Adadelta with {@code config}. */
  public Adadelta(Config config) {
    super(NAME, config.lr(), "square_avg", "acc_delta");
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
    double sign = config.maximize() ? -1 : 1;
    double wd = config.weightDecay();
    double rho = config.rho();
    double c = 1 - rho;
    double eps = config.eps();
    double lr = learningRate();
    double[] v = b[0];
    double[] u = b[1];
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + wd * pi;
      double vi = rho * v[i] + c * d * d;
      double delta = Math.sqrt(u[i] + eps) / Math.sqrt(vi + eps) * d;
      v[i] = vi;
      u[i] = rho * u[i] + c * delta * delta;
      p[i] = pi - lr * delta;
    }
  }

  /** The provider of {@code adadelta}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "steps scaled by the ratio of running RMS of updates and gradients (Zeiler 2012; PyTorch Adadelta)",
          List.of(
              ParamSpec.number("lr", 1.0, "coefficient γ that scales the update, ≥ 0"),
              ParamSpec.number("rho", 0.9, "decay ρ of the running averages, in [0, 1]"),
              ParamSpec.number("eps", 1e-6, "ε added inside the square roots, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "L2 penalty λ added to the gradient, ≥ 0"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new Adadelta(new Config(a.getDouble("lr"), a.getDouble("rho"), a.getDouble("eps"),
              a.getDouble("weight_decay"), a.getBoolean("maximize"))));
    }
  }
}
