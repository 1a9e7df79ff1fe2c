package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.nn.Parameter;
import dev.descent.optim.OptimizerProvider;
import dev.descent.optimizers.parallel.ChunkedSums;
import dev.descent.spec.ParamSpec;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * LAMB, layer-wise adaptive moments (You et al. 2020, "Large Batch Optimization for Deep Learning:
 * Training BERT in 76 minutes", Algorithm 2): Adam's direction plus decoupled weight decay, rescaled
 * per parameter tensor by the trust ratio ‖θ‖ / ‖r‖:
 *
 * <pre>
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²
 *   r ← (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε) + λθ
 *   θ ← θ − γ · φ(‖θ‖)/‖r‖ · r      (φ the identity; the ratio is 1 when either norm is 0)
 * </pre>
 *
 * <p>With the paper's BERT settings as defaults (β = (0.9, 0.999), ε = 1e-6, λ = 0.01) and
 * γ = 1e-3. Norms are summed in fixed chunks, so the result does not depend on the thread count.
 * State: {@code exp_avg}, {@code exp_avg_sq}; a working buffer for r is kept per parameter but not
 * saved. Not thread-safe.
 */
public final class Lamb extends FusedOptimizer {
  static final String NAME = "lamb";
  private static final int UPDATE = 2;
  private final Config config;
  private final ChunkedSums sums = new ChunkedSums();
  private double bias1;
  private double bias2;
  private boolean applying;
  private double scaledRate;

  /**
   * LAMB's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay λ ≥ 0, added to the direction before the trust ratio
   */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay) {
    public Config {
      AdamFamilyChecks.check(NAME, lr, beta1, beta2, eps, weightDecay);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("eps", eps)
          .add("weight_decay", weightDecay).toString();
    }
  }

  /** LAMB with {@code config}. */
  public Lamb(Config config) {
    super(NAME, config.lr(), List.of("exp_avg", "exp_avg_sq", "update"), 1, List.of());
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
  public void step(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      Tensor value = parameter.value();
      ParameterSlot slot = slotFor(parameter);
      slot.advance();
      begin(slot);
      applying = false;
      runElementwise(slot, value, parameter.grad());
      double weightNorm = Math.sqrt(sumOfSquares(value));
      double updateNorm = Math.sqrt(slot.doubles() != null
          ? sums.sumOfSquares(doubleBuffer(slot, UPDATE)) : sums.sumOfSquares(floatBuffer(slot, UPDATE)));
      double trust = weightNorm > 0 && updateNorm > 0 ? weightNorm / updateNorm : 1;
      scaledRate = learningRate() * trust;
      applying = true;
      runElementwise(slot, value, parameter.grad());
    }
  }

  private double sumOfSquares(Tensor t) {
    return t.dtype() == dev.descent.tensor.DType.FLOAT32 ? sums.sumOfSquares(t.floats()) : sums.sumOfSquares(t.doubles());
  }

  @Override
  protected void begin(ParameterSlot slot) {
    bias1 = 1 - Math.pow(config.beta1(), slot.step());
    bias2 = 1 - Math.pow(config.beta2(), slot.step());
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double[] r = b[UPDATE];
    if (applying) {
      double rate = scaledRate;
      for (int i = from; i < to; i++) {
        p[i] = p[i] - rate * r[i];
      }
      return;
    }
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double c1 = 1 - beta1;
    double c2 = 1 - beta2;
    double eps = config.eps();
    double wd = config.weightDecay();
    double bias1 = this.bias1;
    double bias2 = this.bias2;
    double[] m = b[0];
    double[] v = b[1];
    for (int i = from; i < to; i++) {
      double gi = g[i];
      double mi = beta1 * m[i] + c1 * gi;
      double vi = beta2 * v[i] + c2 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      r[i] = mi / bias1 / (Math.sqrt(vi / bias2) + eps) + wd * p[i];
    }
  }

  /** The provider of {@code lamb}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Adam direction with a per-tensor trust ratio ‖θ‖/‖r‖ (You et al. 2020)",
          List.of(
              ParamSpec.number("lr", 0.001, "learning rate γ, ≥ 0"),
              ParamSpec.number("beta1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
              ParamSpec.number("beta2", 0.999, "decay β₂ of the second moment, in [0, 1)"),
              ParamSpec.number("eps", 1e-6, "ε added to the denominator, ≥ 0"),
              ParamSpec.number("weight_decay", 0.01, "decoupled weight decay λ added to the direction, ≥ 0")),
          a -> new Lamb(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"), a.getDouble("eps"),
              a.getDouble("weight_decay"))));
    }
  }
}
