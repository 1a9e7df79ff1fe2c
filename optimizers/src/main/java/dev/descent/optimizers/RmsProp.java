package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop (Hinton, Coursera lecture 6e, 2012; centered form: Graves 2013) as PyTorch's
 * {@code torch.optim.RMSprop} computes it:
 *
 * <pre>
 *   g ← ±∇θ + λθ
 *   v ← αv + (1 − α)g²
 *   centered: ḡ ← αḡ + (1 − α)g,  a ← √(v − ḡ²) + ε;   otherwise a ← √v + ε
 *   momentum μ &gt; 0: b ← μb + g/a,  θ ← θ − γb;        otherwise θ ← θ − γg/a
 * </pre>
 *
 * <p>Epsilon is added outside the square root (Keras adds it inside: see {@code keras_rmsprop}).
 * Source: PyTorch {@code torch/optim/rmsprop.py} ({@code _single_tensor_rmsprop}). State:
 * {@code square_avg}, {@code grad_avg} when centered, {@code momentum_buffer} when μ &gt; 0. Not
 * thread-safe.
 */
public final class RmsProp extends FusedOptimizer {
  static final String NAME = "rmsprop";
  private final Config config;

  /**
   * RMSprop's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param alpha α in [0, 1], the decay of the running averages
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay λ ≥ 0, the L2 penalty added to the gradient
   * @param momentum μ ≥ 0
   * @param centered whether to subtract the square of the running mean gradient
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
      boolean maximize) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      Arguments.inClosed(NAME, "alpha", alpha, 0, 1);
      Arguments.atLeast(NAME, "eps", eps, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
      Arguments.atLeast(NAME, "momentum", momentum, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("alpha", alpha).add("eps", eps).add("weight_decay", weightDecay)
          .add("momentum", momentum).add("centered", centered).add("maximize", maximize).toString();
    }
  }

  /** RMSprop with {@code config}. */
  public RmsProp(Config config) {
    super(NAME, config.lr(), buffers(config));
    this.config = config;
  }

  private static String[] buffers(Config config) {
    List<String> names = new ArrayList<>(List.of("square_avg"));
    if (config.centered()) {
      names.add("grad_avg");
    }
    if (config.momentum() > 0) {
      names.add("momentum_buffer");
    }
    return names.toArray(new String[0]);
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
    double alpha = config.alpha();
    double c = 1 - alpha;
    double eps = config.eps();
    double lr = learningRate();
    double mu = config.momentum();
    boolean centered = config.centered();
    double[] v = b[0];
    double[] mean = centered ? b[1] : null;
    double[] buf = mu > 0 ? b[b.length - 1] : null;
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + wd * pi;
      double vi = alpha * v[i] + c * d * d;
      v[i] = vi;
      double a;
      if (centered) {
        double gi = alpha * mean[i] + c * d;
        mean[i] = gi;
        a = Math.sqrt(vi - gi * gi) + eps;
      } else {
        a = Math.sqrt(vi) + eps;
      }
      if (buf != null) {
        double bi = mu * buf[i] + d / a;
        buf[i] = bi;
        p[i] = pi - lr * bi;
      } else {
        p[i] = pi - lr * (d / a);
      }
    }
  }

  /** The provider of {@code rmsprop}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "steps divided by a running RMS of the gradient (Hinton 2012; PyTorch RMSprop)",
          List.of(
              ParamSpec.number("lr", 0.01, "learning rate γ, ≥ 0"),
              ParamSpec.number("alpha", 0.99, "decay α of the running averages, in [0, 1]"),
              ParamSpec.number("eps", 1e-8, "ε added to the denominator outside the square root, ≥ 0"),
              ParamSpec.number("weight_decay", 0, "L2 penalty λ added to the gradient, ≥ 0"),
              ParamSpec.number("momentum", 0, "momentum factor μ, ≥ 0"),
              ParamSpec.flag("centered", false, "normalize by the estimated variance instead of the second moment"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new RmsProp(new Config(a.getDouble("lr"), a.getDouble("alpha"), a.getDouble("eps"),
              a.getDouble("weight_decay"), a.getDouble("momentum"), a.getBoolean("centered"), a.getBoolean("maximize"))));
    }
  }
}
