package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Averaged stochastic gradient descent (Polyak and Juditsky 1992) as PyTorch's
 * {@code torch.optim.ASGD} computes it: SGD with a decaying step ηₜ and a running average of the
 * iterates that starts after t₀ steps:
 *
 * <pre>
 *   g ← ±∇θ + λθ
 *   θ ← θ(1 − λ_d ηₜ),   θ ← θ − ηₜ g                     (lambd λ_d)
 *   ā ← θ if μₜ = 1, else ā ← ā + μₜ(θ − ā)                 (ax)
 *   ηₜ₊₁ = γ / (1 + λ_d γ t)^α,   μₜ₊₁ = 1 / max(1, t − t₀)   (η₁ = γ, μ₁ = 1)
 * </pre>
 *
 * <p>Source: PyTorch {@code torch/optim/asgd.py} ({@code _single_tensor_asgd}). The averaged
 * iterate {@code ax} is kept in the state; the parameters themselves follow the SGD iterates, as in
 * PyTorch. State: {@code eta}, {@code mu}, {@code ax}. Not thread-safe.
 */
public final class Asgd extends FusedOptimizer {
  static final String NAME = "asgd";
  private static final int ETA = 0;
  private static final int MU = 1;
  private final Config config;
  private double eta;
  private double mu;

  /**
   * ASGD's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param lambd λ_d ≥ 0, the decay term
   * @param alpha α ≥ 0, the power of the step decay
   * @param t0 t₀ ≥ 0, the step at which averaging starts
   * @param weightDecay λ ≥ 0, the L2 penalty added to the gradient
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double lambd, double alpha, double t0, double weightDecay, boolean maximize) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      Arguments.atLeast(NAME, "lambd", lambd, 0);
      Arguments.atLeast(NAME, "alpha", alpha, 0);
      Arguments.atLeast(NAME, "t0", t0, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("lambd", lambd).add("alpha", alpha).add("t0", t0)
          .add("weight_decay", weightDecay).add("maximize", maximize).toString();
    }
  }

  /** ASGD with {@code config}. */
  public Asgd(Config config) {
    super(NAME, config.lr(), List.of("ax"), 0, List.of("eta", "mu"));
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
    slot.setScalar(ETA, learningRate());
    slot.setScalar(MU, 1);
  }

  @Override
  protected void begin(ParameterSlot slot) {
    eta = slot.scalar(ETA);
    mu = slot.scalar(MU);
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double sign = config.maximize() ? -1 : 1;
    double wd = config.weightDecay();
    double eta = this.eta;
    double shrink = 1 - config.lambd() * eta;
    double mu = this.mu;
    double[] ax = b[0];
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + wd * pi;
      pi = pi * shrink;
      pi = pi - eta * d;
      p[i] = pi;
      ax[i] = mu != 1 ? ax[i] + (pi - ax[i]) * mu : pi;
    }
  }

  @Override
  protected void end(ParameterSlot slot) {
    double lr = learningRate();
    double t = slot.step();
    slot.setScalar(ETA, lr / Math.pow(1 + config.lambd() * lr * t, config.alpha()));
    slot.setScalar(MU, 1 / Math.max(1, t - config.t0()));
  }

  /** The provider of {@code asgd}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "SGD with a decaying step and a running average of the iterates (Polyak and Juditsky 1992; PyTorch ASGD)",
          List.of(
              ParamSpec.number("lr", 0.01, "learning rate γ, ≥ 0"),
              ParamSpec.number("lambd", 1e-4, "decay term λ_d, ≥ 0"),
              ParamSpec.number("alpha", 0.75, "power α of the step decay, ≥ 0"),
              ParamSpec.number("t0", 1e6, "step at which averaging starts, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "L2 penalty λ added to the gradient, ≥ 0"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new Asgd(new Config(a.getDouble("lr"), a.getDouble("lambd"), a.getDouble("alpha"), a.getDouble("t0"),
              a.getDouble("weight_decay"), a.getBoolean("maximize"))));
    }
  }
}
