package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay, as PyTorch's {@code torch.optim.SGD} computes it:
 *
 * <pre>
 *   g ← ±∇θ  (negated when maximize)        g ← g + λθ           (weight_decay λ)
 *   b ← g on the first step, else b ← μb + (1 − τ)g                  (momentum μ, dampening τ)
 *   g ← g + μb if nesterov, else g ← b                                 (only when μ ≠ 0)
 *   θ ← θ − γg                                                          (lr γ)
 * </pre>
 *
 * <p>Source: PyTorch {@code torch/optim/sgd.py} ({@code _single_tensor_sgd}); Sutskever et al. 2013
 * for the momentum form. State: {@code momentum_buffer} when μ ≠ 0. Not thread-safe.
 */
public final class Sgd extends FusedOptimizer {
  private final Config config;
  private double momentumFirst;
  private double gradientScale;

  /**
   * SGD's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0 (PyTorch 2.x default 0.001)
   * @param momentum μ ≥ 0
   * @param dampening τ, the fraction of the gradient left out of the momentum buffer, in [0, 1]
   * @param weightDecay λ ≥ 0, the L2 penalty added to the gradient
   * @param nesterov whether to use Nesterov momentum (needs μ &gt; 0 and τ = 0)
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
      boolean maximize) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      Arguments.atLeast(NAME, "momentum", momentum, 0);
      Arguments.inClosed(NAME, "dampening", dampening, 0, 1);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
      if (nesterov && (momentum <= 0 || dampening != 0)) {
        throw new DescentException(
            "sgd: nesterov=true needs momentum > 0 and dampening = 0, got momentum="
                + ParamType.DOUBLE.format(momentum) + ", dampening=" + ParamType.DOUBLE.format(dampening));
      }
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("momentum", momentum).add("dampening", dampening)
          .add("weight_decay", weightDecay).add("nesterov", nesterov).add("maximize", maximize).toString();
    }
  }

  static final String NAME = "sgd";

  /** SGD with {@code config}; the momentum buffer is created on each parameter's first step. */
  public Sgd(Config config) {
    super(NAME, config.lr(), config.momentum() != 0 ? new String[] {"momentum_buffer"} : new String[0]);
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
    gradientScale = config.maximize() ? -1 : 1;
    momentumFirst = slot.step() == 1 ? 1 : 0;
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double lr = learningRate();
    double wd = config.weightDecay();
    double sign = gradientScale;
    if (b.length == 0) {
      for (int i = from; i < to; i++) {
        double d = sign * g[i] + wd * p[i];
        p[i] = p[i] - lr * d;
      }
      return;
    }
    double[] buf = b[0];
    double mu = config.momentum();
    // First step: b ← g (PyTorch clones the gradient); later: b ← μb + (1 − τ)g.
    double keep = momentumFirst == 1 ? 0 : mu;
    double add = momentumFirst == 1 ? 1 : 1 - config.dampening();
    // Nesterov: d ← g + μb; otherwise d ← b.
    double dg = config.nesterov() ? 1 : 0;
    double db = config.nesterov() ? mu : 1;
    for (int i = from; i < to; i++) {
      double d = sign * g[i] + wd * p[i];
      double m = keep * buf[i] + add * d;
      buf[i] = m;
      p[i] = p[i] - lr * (dg * d + db * m);
    }
  }

  @Override
  protected boolean hasFloatKernel() {
    return true;
  }

  @Override
  protected void update(float[] p, float[] g, float[][] b, int from, int to) {
    float lr = (float) learningRate();
    float wd = (float) config.weightDecay();
    float sign = (float) gradientScale;
    if (b.length == 0) {
      for (int i = from; i < to; i++) {
        float d = sign * g[i] + wd * p[i];
        p[i] = p[i] - lr * d;
      }
      return;
    }
    float[] buf = b[0];
    float mu = (float) config.momentum();
    float keep = momentumFirst == 1 ? 0 : mu;
    float add = momentumFirst == 1 ? 1 : (float) (1 - config.dampening());
    float dg = config.nesterov() ? 1 : 0;
    float db = config.nesterov() ? mu : 1;
    for (int i = from; i < to; i++) {
      float d = sign * g[i] + wd * p[i];
      float m = keep * buf[i] + add * d;
      buf[i] = m;
      p[i] = p[i] - lr * (dg * d + db * m);
    }
  }

  /** The provider of {@code sgd}. */
  @AutoService(dev.descent.optim.OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(),
          "stochastic gradient descent with momentum, dampening, Nesterov and L2 weight decay (PyTorch SGD)",
          List.of(
              ParamSpec.number("lr", 0.001, "learning rate γ, ≥ 0 (PyTorch 2.x default)"),
              ParamSpec.number("momentum", 0, "momentum factor μ, ≥ 0"),
              ParamSpec.number("dampening", 0, "dampening τ for momentum, in [0, 1]"),
              ParamSpec.number("weight_decay", 0, "L2 penalty λ added to the gradient, ≥ 0"),
              ParamSpec.flag("nesterov", false, "Nesterov momentum (needs momentum > 0, dampening = 0)"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new Sgd(new Config(a.getDouble("lr"), a.getDouble("momentum"), a.getDouble("dampening"),
              a.getDouble("weight_decay"), a.getBoolean("nesterov"), a.getBoolean("maximize"))));
    }
  }
}
