package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.ParamType;
import java.util.List;

/**
 * Rprop, resilient backpropagation (Riedmiller and Braun 1993), as PyTorch's {@code torch.optim.Rprop}
 * computes it: each coordinate has its own step size Δ (starting at the learning rate) that grows
 * while the gradient keeps its sign and shrinks when it flips:
 *
 * <pre>
 *   g ← ±∇θ,   s = sign(g·g_prev)
 *   s &gt; 0: Δ ← min(Δη₊, Δmax);   s &lt; 0: Δ ← max(Δη₋, Δmin), g ← 0;   s = 0: Δ unchanged (clamped)
 *   θ ← θ − sign(g)·Δ,   g_prev ← g
 * </pre>
 *
 * <p>Source: PyTorch {@code torch/optim/rprop.py} ({@code _single_tensor_rprop}); PyTorch's pairs
 * {@code etas} and {@code step_sizes} are spelt {@code etaminus}, {@code etaplus},
 * {@code step_size_min}, {@code step_size_max} as in its functional API. State: {@code prev},
 * {@code step_size}. Not thread-safe.
 */
public final class Rprop extends FusedOptimizer {
  static final String NAME = "rprop";
  private final Config config;

  /**
   * Rprop's hyperparameters, validated on construction.
   *
   * @param lr the initial step size ≥ 0
   * @param etaminus η₋ in (0, 1), the factor that shrinks a step after a sign flip
   * @param etaplus η₊ &gt; 1, the factor that grows a step while the sign holds
   * @param stepSizeMin Δmin ≥ 0
   * @param stepSizeMax Δmax ≥ Δmin
   * @param maximize whether to ascend the objective
   */
  public record Config(double lr, double etaminus, double etaplus, double stepSizeMin, double stepSizeMax,
      boolean maximize) {
    public Config {
      Arguments.atLeast(NAME, "lr", lr, 0);
      if (!(etaminus > 0 && etaminus < 1)) {
        throw Arguments.rangeError(NAME, "etaminus", etaminus, "in (0, 1)");
      }
      Arguments.greaterThan(NAME, "etaplus", etaplus, 1);
      Arguments.atLeast(NAME, "step_size_min", stepSizeMin, 0);
      if (!(stepSizeMax >= stepSizeMin)) {
        throw new DescentException(String.format("%s: parameter 'step_size_max' must be ≥ step_size_min = %s, got %s",
            NAME, ParamType.DOUBLE.format(stepSizeMin), ParamType.DOUBLE.format(stepSizeMax)));
      }
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("etaminus", etaminus).add("etaplus", etaplus)
          .add("step_size_min", stepSizeMin).add("step_size_max", stepSizeMax).add("maximize", maximize).toString();
    }
  }

  /** Rprop with {@code config}. */
  public Rprop(Config config) {
    super(NAME, config.lr(), "prev", "step_size");
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
    return index == 1 ? learningRate() : 0;
  }

  @Override
  protected void begin(ParameterSlot slot) {}

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double sign = config.maximize() ? -1 : 1;
    double minus = config.etaminus();
    double plus = config.etaplus();
    double lo = config.stepSizeMin();
    double hi = config.stepSizeMax();
    double[] prev = b[0];
    double[] step = b[1];
    for (int i = from; i < to; i++) {
      double d = sign * g[i];
      double s = d * prev[i];
      double factor = s > 0 ? plus : s < 0 ? minus : 1;
      double delta = Math.min(Math.max(step[i] * factor, lo), hi);
      if (s < 0) {
        d = 0;
      }
      step[i] = delta;
      prev[i] = d;
      p[i] = p[i] - sign(d) * delta;
    }
  }

  /** The provider of {@code rprop}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "per-coordinate steps that grow while the gradient's sign holds (Riedmiller and Braun 1993; PyTorch Rprop)",
          List.of(
              ParamSpec.number("lr", 0.01, "initial step size, ≥ 0"),
              ParamSpec.number("etaminus", 0.5, "step shrink factor η₋ after a sign flip, in (0, 1)"),
              ParamSpec.number("etaplus", 1.2, "step growth factor η₊ while the sign holds, > 1"),
              ParamSpec.number("step_size_min", 1e-6, "smallest step size, ≥ 0"),
              ParamSpec.number("step_size_max", 50, "largest step size, ≥ step_size_min"),
              ParamSpec.flag("maximize", false, "ascend the objective instead of descending")),
          a -> new Rprop(new Config(a.getDouble("lr"), a.getDouble("etaminus"), a.getDouble("etaplus"),
              a.getDouble("step_size_min"), a.getDouble("step_size_max"), a.getBoolean("maximize"))));
    }
  }
}
