package dev.descent.nn;

import com.google.auto.service.AutoService;
import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.Kernels;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * The built-in activation functions and their providers, with PyTorch's definitions and parameter
 * names ({@code torch.nn} activation modules). Each elementwise one runs its own monomorphic loops
 * over arrays (see {@link ElementwiseActivation}).
 */
public final class BuiltinActivations {
  private BuiltinActivations() {}

  /**
   * The built-in elementwise activations: each overrides the array methods of {@link
   * ElementwiseActivation} with loops of its own, so {@link Sequential} may run it fused with the
   * {@link Dense} layer before it.
   */
  sealed interface BuiltinElementwise extends ElementwiseActivation
      permits Identity, Relu, LeakyRelu, Elu, Selu, Gelu, Sigmoid, Tanh, Softplus, Silu {}

  /** Identity, f(x) = x; also called {@code linear}. */
  public record Identity() implements BuiltinElementwise {
    @Override public String name() { return "identity"; }
    @Override public String spec() { return "identity"; }
    @Override public double value(double x) { return x; }
    @Override public double derivative(double x, double y) { return 1; }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /**
   * ReLU, f(x) = max(0, x); f′(0) = 0 as in PyTorch, where NaN stays NaN ({@code torch.relu}) and the
   * gradient is passed where x &gt; 0 and zero elsewhere ({@code threshold_backward}).
   *
   * <p>The array loops have no branch on the data: about half of a layer's pre-activations are
   * negative, in no order a predictor can learn, and a branch per element then costs more than the
   * rest of the loop. Forward is {@link Math#max}, which the JIT vectorizes; backward is the selected
   * kernel's {@link ElementwiseKernels#reluBackward}, which keeps the bits of the incoming gradient
   * under a mask that is all ones exactly when x's sign bit is clear and x ≠ +0.
   */
  public record Relu() implements BuiltinElementwise {
    @Override public String name() { return "relu"; }
    @Override public String spec() { return "relu"; }
    @Override public double value(double x) { return Math.max(x, 0); }
    @Override public double derivative(double x, double y) { return x > 0 ? 1 : 0; }
    @Override public boolean derivativeFromOutput() { return true; }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = Math.max(x[i], 0f);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = Math.max(x[i], 0d);
      }
    }
    @Override public void forwardWithBias(float[] z, float b, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        float v = z[i] + b;
        z[i] = v;
        y[i] = Math.max(v, 0f);
      }
    }
    @Override public void forwardWithBias(double[] z, double b, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        double v = z[i] + b;
        z[i] = v;
        y[i] = Math.max(v, 0d);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      Kernels.elementwise().reluBackward(x, gy, gx, from, to);
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      Kernels.elementwise().reluBackward(x, gy, gx, from, to);
    }
  }

  /** Leaky ReLU, f(x) = x for x &gt; 0, negative_slope·x otherwise (PyTorch {@code LeakyReLU}). */
  public record LeakyRelu(double negativeSlope) implements BuiltinElementwise {
    public LeakyRelu {
      Arguments.finite("leaky_relu", "negative_slope", negativeSlope);
    }
    @Override public String name() { return "leaky_relu"; }
    @Override public String spec() { return "leaky_relu(negative_slope=" + negativeSlope + ")"; }
    @Override public double value(double x) { return x > 0 ? x : negativeSlope * x; }
    @Override public double derivative(double x, double y) { return x > 0 ? 1 : negativeSlope; }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /** ELU, f(x) = x for x &gt; 0, α·(eˣ − 1) otherwise (Clevert et al. 2015; PyTorch {@code ELU}). */
  public record Elu(double alpha) implements BuiltinElementwise {
    public Elu {
      Arguments.atLeast("elu", "alpha", alpha, 0);
    }
    @Override public String name() { return "elu"; }
    @Override public String spec() { return "elu(alpha=" + alpha + ")"; }
    @Override public double value(double x) { return x > 0 ? x : alpha * Math.expm1(x); }
    @Override public double derivative(double x, double y) { return x > 0 ? 1 : y + alpha; }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /**
   * SELU, f(x) = λ·x for x &gt; 0, λ·α·(eˣ − 1) otherwise, with λ ≈ 1.0507 and α ≈ 1.6733
   * (Klambauer et al. 2017; PyTorch {@code SELU}).
   */
  public record Selu() implements BuiltinElementwise {
    /** λ, PyTorch's {@code scale}. */
    public static final double SCALE = 1.0507009873554804934193349852946;
    /** α, PyTorch's {@code alpha}. */
    public static final double ALPHA = 1.6732632423543772848170429916717;
    @Override public String name() { return "selu"; }
    @Override public String spec() { return "selu"; }
    @Override public double value(double x) { return x > 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x); }
    @Override public double derivative(double x, double y) { return x > 0 ? SCALE : y + SCALE * ALPHA; }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /**
   * GELU (Hendrycks and Gimpel 2016; PyTorch {@code GELU}): f(x) = x·Φ(x) with the exact normal
   * CDF, or with {@code approximate=tanh}, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
   */
  public record Gelu(boolean tanhApproximation) implements BuiltinElementwise {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    @Override public String name() { return "gelu"; }
    @Override public String spec() { return "gelu(approximate=" + (tanhApproximation ? "tanh" : "none") + ")"; }

    @Override
    public double value(double x) {
      if (tanhApproximation) {
        return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
      }
      return x * SpecialFunctions.normalCdf(x);
    }

    @Override
    public double derivative(double x, double y) {
      if (tanhApproximation) {
        double u = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
        double t = Math.tanh(u);
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x);
      }
      return SpecialFunctions.normalCdf(x) + x * SpecialFunctions.normalPdf(x);
    }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /** Logistic sigmoid, σ(x) = 1 / (1 + e⁻ˣ); σ′ = σ·(1 − σ). */
  public record Sigmoid() implements BuiltinElementwise {
    @Override public String name() { return "sigmoid"; }
    @Override public String spec() { return "sigmoid"; }
    @Override public double value(double x) { return SpecialFunctions.sigmoid(x); }
    @Override public double derivative(double x, double y) { return y * (1 - y); }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /** Hyperbolic tangent; tanh′ = 1 − tanh². */
  public record Tanh() implements BuiltinElementwise {
    @Override public String name() { return "tanh"; }
    @Override public String spec() { return "tanh"; }
    @Override public double value(double x) { return Math.tanh(x); }
    @Override public double derivative(double x, double y) { return 1 - y * y; }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /**
   * Softplus (PyTorch {@code Softplus}): f(x) = (1/β)·log(1 + e^(βx)), and x itself where
   * βx &gt; threshold; f′(x) = σ(βx).
   */
  public record Softplus(double beta, double threshold) implements BuiltinElementwise {
    public Softplus {
      Arguments.greaterThan("softplus", "beta", beta, 0);
      Arguments.finite("softplus", "threshold", threshold);
    }
    @Override public String name() { return "softplus"; }
    @Override public String spec() { return "softplus(beta=" + beta + ", threshold=" + threshold + ")"; }

    @Override
    public double value(double x) {
      double bx = beta * x;
      return bx > threshold ? x : Math.log1p(Math.exp(bx)) / beta;
    }

    @Override
    public double derivative(double x, double y) {
      double bx = beta * x;
      return bx > threshold ? 1 : SpecialFunctions.sigmoid(bx);
    }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  /** SiLU (swish), f(x) = x·σ(x); f′ = σ(x)·(1 + x·(1 − σ(x))) (PyTorch {@code SiLU}). */
  public record Silu() implements BuiltinElementwise {
    @Override public String name() { return "silu"; }
    @Override public String spec() { return "silu"; }
    @Override public double value(double x) { return x * SpecialFunctions.sigmoid(x); }

    @Override
    public double derivative(double x, double y) {
      double s = SpecialFunctions.sigmoid(x);
      return s * (1 + x * (1 - s));
    }

    @Override public void forward(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) value(x[i]);
      }
    }
    @Override public void forward(double[] x, double[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = value(x[i]);
      }
    }
    @Override public void backward(float[] x, float[] y, float[] gy, float[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = (float) (derivative(x[i], y[i]) * gy[i]);
      }
    }
    @Override public void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
      for (int i = from; i < to; i++) {
        gx[i] = derivative(x[i], y[i]) * gy[i];
      }
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class IdentityProvider extends ActivationSupport {
    public IdentityProvider() {
      super("identity", List.of("linear"), "f(x) = x", List.of(), a -> new Identity());
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class ReluProvider extends ActivationSupport {
    public ReluProvider() {
      super("relu", List.of(), "f(x) = max(0, x)", List.of(), a -> new Relu());
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class LeakyReluProvider extends ActivationSupport {
    public LeakyReluProvider() {
      super("leaky_relu", List.of(), "f(x) = x if x > 0 else negative_slope·x (PyTorch LeakyReLU)",
          List.of(ParamSpec.number("negative_slope", 0.01, "slope for x < 0")),
          a -> new LeakyRelu(a.getDouble("negative_slope")));
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class EluProvider extends ActivationSupport {
    public EluProvider() {
      super("elu", List.of(), "f(x) = x if x > 0 else alpha·(exp(x) − 1) (Clevert et al. 2015)",
          List.of(ParamSpec.number("alpha", 1.0, "saturation value for x → −∞, ≥ 0")),
          a -> new Elu(a.getDouble("alpha")));
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class SeluProvider extends ActivationSupport {
    public SeluProvider() {
      super("selu", List.of(), "f(x) = λ·x if x > 0 else λ·α·(exp(x) − 1), λ ≈ 1.0507, α ≈ 1.6733 (Klambauer et al. 2017)",
          List.of(), a -> new Selu());
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class GeluProvider extends ActivationSupport {
    public GeluProvider() {
      super("gelu", List.of(), "f(x) = x·Φ(x), or its tanh approximation (Hendrycks and Gimpel 2016)",
          List.of(ParamSpec.choice("approximate", "none", "none: exact normal CDF; tanh: tanh approximation", "none", "tanh")),
          a -> new Gelu(a.getString("approximate").equals("tanh")));
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class SigmoidProvider extends ActivationSupport {
    public SigmoidProvider() {
      super("sigmoid", List.of("logistic"), "f(x) = 1 / (1 + exp(−x))", List.of(), a -> new Sigmoid());
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class TanhProvider extends ActivationSupport {
    public TanhProvider() {
      super("tanh", List.of(), "f(x) = tanh(x)", List.of(), a -> new Tanh());
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class SoftplusProvider extends ActivationSupport {
    public SoftplusProvider() {
      super("softplus", List.of(), "f(x) = log(1 + exp(beta·x)) / beta, x where beta·x > threshold (PyTorch Softplus)",
          List.of(ParamSpec.number("beta", 1.0, "sharpness, > 0"),
              ParamSpec.number("threshold", 20.0, "above beta·x > threshold the function is linear")),
          a -> new Softplus(a.getDouble("beta"), a.getDouble("threshold")));
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class SiluProvider extends ActivationSupport {
    public SiluProvider() {
      super("silu", List.of("swish"), "f(x) = x·sigmoid(x) (Elfwing et al. 2017)", List.of(), a -> new Silu());
    }
  }

  @AutoService(ActivationProvider.class)
  public static final class SoftmaxProvider extends ActivationSupport {
    public SoftmaxProvider() {
      super("softmax", List.of(), "f(x)_j = exp(x_j) / Σ_k exp(x_k), per row", List.of(), a -> new Softmax());
    }
  }
}
