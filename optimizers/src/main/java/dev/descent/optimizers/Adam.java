package dev.descent.optimizers;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019), optionally with AMSGrad
 * (Reddi et al. 2018), as PyTorch's {@code torch.optim.Adam} and {@code torch.optim.AdamW} compute
 * them:
 *
 * <pre>
 *   g ← ±∇θ                                         (negated when maximize)
 *   Adam:  g ← g + λθ          AdamW:  θ ← θ(1 − γλ)  (weight_decay λ, lr γ)
 *   m ← β₁m + (1 − β₁)g        v ← β₂v + (1 − β₂)g²
 *   v̄ ← max(v̄, v) with amsgrad, else v̄ = v
 *   θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v̄ / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>Epsilon is added after the bias correction of v, as PyTorch does (Keras adds it before: see
 * {@code keras_adam}). Source: PyTorch {@code torch/optim/adam.py} and {@code adamw.py}
 * ({@code _single_tensor_adam[w]}). State: {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad,
 * {@code max_exp_avg_sq}. Not thread-safe.
 */
public final class Adam extends FusedOptimizer {
  private final Config config;
  private double stepSize;
  private double bias2Sqrt;
  private double decay;

  /**
   * Adam's or AdamW's hyperparameters, validated on construction.
   *
   * @param lr the learning rate γ ≥ 0
   * @param beta1 β₁ in [0, 1), the decay of the first moment
   * @param beta2 β₂ in [0, 1), the decay of the second moment
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay λ ≥ 0: an L2 term added to the gradient (Adam) or a decay of the weights (AdamW)
   * @param amsgrad whether to divide by the running maximum of the second moment
   * @param maximize whether to ascend the objective
   * @param decoupled true for AdamW's decoupled weight decay, false for Adam's L2 penalty
   */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
      boolean maximize, boolean decoupled) {
    public Config {
      String name = decoupled ? "adamw" : "adam";
      AdamFamilyChecks.check(name, lr, beta1, beta2, eps, weightDecay);
    }

    /** {@code adamw} for decoupled weight decay, {@code adam} otherwise. */
    public String name() {
      return decoupled ? "adamw" : "adam";
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(name()).add("lr", lr).add("beta1", beta1).add("beta2", beta2).add("eps", eps)
          .add("weight_decay", weightDecay).add("amsgrad", amsgrad).add("maximize", maximize).toString();
    }
  }

  /** Adam or AdamW with {@code config}. */
  public Adam(Config config) {
    super(config.name(), config.lr(), config.amsgrad()
        ? new String[] {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"} : new String[] {"exp_avg", "exp_avg_sq"});
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
    double lr = learningRate();
    double t = slot.step();
    stepSize = lr / (1 - Math.pow(config.beta1(), t));
    bias2Sqrt = Math.sqrt(1 - Math.pow(config.beta2(), t));
    decay = config.decoupled() ? 1 - lr * config.weightDecay() : 1;
  }

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double sign = config.maximize() ? -1 : 1;
    double l2 = config.decoupled() ? 0 : config.weightDecay();
    double decay = this.decay;
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double c1 = 1 - beta1;
    double c2 = 1 - beta2;
    double eps = config.eps();
    double stepSize = this.stepSize;
    double bias2Sqrt = this.bias2Sqrt;
    double[] m = b[0];
    double[] v = b[1];
    if (config.amsgrad()) {
      double[] vmax = b[2];
      for (int i = from; i < to; i++) {
        double pi = p[i];
        double d = sign * g[i] + l2 * pi;
        double mi = beta1 * m[i] + c1 * d;
        double vi = beta2 * v[i] + c2 * d * d;
        double vm = Math.max(vmax[i], vi);
        m[i] = mi;
        v[i] = vi;
        vmax[i] = vm;
        p[i] = pi * decay - stepSize * (mi / (Math.sqrt(vm) / bias2Sqrt + eps));
      }
      return;
    }
    for (int i = from; i < to; i++) {
      double pi = p[i];
      double d = sign * g[i] + l2 * pi;
      double mi = beta1 * m[i] + c1 * d;
      double vi = beta2 * v[i] + c2 * d * d;
      m[i] = mi;
      v[i] = vi;
      p[i] = pi * decay - stepSize * (mi / (Math.sqrt(vi) / bias2Sqrt + eps));
    }
  }

  @Override
  protected boolean hasFloatKernel() {
    return true;
  }

  @Override
  protected void update(float[] p, float[] g, float[][] b, int from, int to) {
    float sign = config.maximize() ? -1 : 1;
    float l2 = config.decoupled() ? 0 : (float) config.weightDecay();
    float decay = (float) this.decay;
    float beta1 = (float) config.beta1();
    float beta2 = (float) config.beta2();
    float c1 = (float) (1 - config.beta1());
    float c2 = (float) (1 - config.beta2());
    float eps = (float) config.eps();
    float stepSize = (float) this.stepSize;
    float bias2Sqrt = (float) this.bias2Sqrt;
    float[] m = b[0];
    float[] v = b[1];
    if (config.amsgrad()) {
      float[] vmax = b[2];
      for (int i = from; i < to; i++) {
        float pi = p[i];
        float d = sign * g[i] + l2 * pi;
        float mi = beta1 * m[i] + c1 * d;
        float vi = beta2 * v[i] + c2 * d * d;
        float vm = Math.max(vmax[i], vi);
        m[i] = mi;
        v[i] = vi;
        vmax[i] = vm;
        p[i] = pi * decay - stepSize * (mi / ((float) Math.sqrt(vm) / bias2Sqrt + eps));
      }
      return;
    }
    for (int i = from; i < to; i++) {
      float pi = p[i];
      float d = sign * g[i] + l2 * pi;
      float mi = beta1 * m[i] + c1 * d;
      float vi = beta2 * v[i] + c2 * d * d;
      m[i] = mi;
      v[i] = vi;
      p[i] = pi * decay - stepSize * (mi / ((float) Math.sqrt(vi) / bias2Sqrt + eps));
    }
  }

  static List<ParamSpec> declarations(double weightDecay, String weightDecayMeaning) {
    return List.of(
        ParamSpec.number("lr", 0.001, "learning rate γ, ≥ 0"),
        ParamSpec.number("beta1", 0.9, "decay β₁ of the first moment, in [0, 1)"),
        ParamSpec.number("beta2", 0.999, "decay β₂ of the second moment, in [0, 1)"),
        ParamSpec.number("eps", 1e-8, "ε added to the denominator after bias correction, ≥ 0"),
        ParamSpec.number("weight_decay", weightDecay, weightDecayMeaning),
        ParamSpec.flag("amsgrad", false, "divide by the running maximum of the second moment (Reddi et al. 2018)"),
        ParamSpec.flag("maximize", false, "ascend the objective instead of descending"));
  }

  static Adam build(Arguments a, boolean decoupled) {
    return new Adam(new Config(a.getDouble("lr"), a.getDouble("beta1"), a.getDouble("beta2"), a.getDouble("eps"),
        a.getDouble("weight_decay"), a.getBoolean("amsgrad"), a.getBoolean("maximize"), decoupled));
  }

  /** The provider of {@code adam}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super("adam", List.of(), "Adam with L2 weight decay and optional AMSGrad (Kingma and Ba 2015; PyTorch Adam)",
          declarations(0, "L2 penalty λ added to the gradient, ≥ 0"), a -> build(a, false));
    }
  }

  /** The provider of {@code adamw}. */
  @AutoService(OptimizerProvider.class)
  public static final class WProvider extends OptimizerSupport {
    public WProvider() {
      super("adamw", List.of(), "Adam with decoupled weight decay θ ← θ(1 − γλ) (Loshchilov and Hutter 2019; PyTorch AdamW)",
          declarations(0.01, "decoupled weight decay λ: θ ← θ(1 − γλ) each step, ≥ 0"), a -> build(a, true));
    }
  }
}
