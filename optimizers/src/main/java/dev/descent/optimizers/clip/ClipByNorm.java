package dev.descent.optimizers.clip;

import com.google.auto.service.AutoService;
import dev.descent.DescentException;
import dev.descent.nn.Parameter;
import dev.descent.optimizers.SpecText;
import dev.descent.optimizers.parallel.ChunkedSums;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * Clipping by global norm with PyTorch's {@code torch.nn.utils.clip_grad_norm_} semantics: the
 * p-norm of each gradient tensor, then the p-norm of those norms,
 *
 * <pre>
 *   N = ‖(‖g₁‖ₚ, …, ‖gₖ‖ₚ)‖ₚ,   c = min(1, max_norm / (N + 1e-6)),   gᵢ ← c·gᵢ
 * </pre>
 *
 * <p>(p = ∞ uses the largest absolute entry). With {@code error_if_nonfinite} a NaN or infinite N
 * is an error, otherwise the gradients are scaled regardless, as in PyTorch. Norms are summed over
 * fixed chunks on every core, so the result does not depend on the thread count; scaling is one
 * parallel pass. Not thread-safe.
 */
public final class ClipByNorm implements GradientClipper {
  static final String NAME = "norm";
  private final Config config;
  private final ElementwisePass pass = new ElementwisePass();
  private final ChunkedSums sums = new ChunkedSums();

  /**
   * The clipping configuration, validated on construction.
   *
   * @param maxNorm the largest total norm, ≥ 0
   * @param normType p &gt; 0, or infinity
   * @param errorIfNonfinite whether a non-finite total norm is an error
   */
  public record Config(double maxNorm, double normType, boolean errorIfNonfinite) {
    public Config {
      Arguments.atLeast(NAME, "max_norm", maxNorm, 0);
      if (!(normType > 0)) {
        throw Arguments.rangeError(NAME, "norm_type", normType, "a number > 0 or inf");
      }
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("max_norm", maxNorm)
          .add("norm_type", normType == Double.POSITIVE_INFINITY ? "inf" : dev.descent.spec.ParamType.DOUBLE.format(normType))
          .add("error_if_nonfinite", errorIfNonfinite).toString();
    }
  }

  /** A clipper with {@code config}. */
  public ClipByNorm(Config config) {
    this.config = config;
  }

  /** The configuration. */
  public Config config() {
    return config;
  }

  @Override
  public String spec() {
    return config.spec();
  }

  /** The total p-norm of the gradients of {@code parameters}, computed as {@link #clip} does. */
  public double totalNorm(List<Parameter> parameters) {
    double p = config.normType();
    boolean max = p == Double.POSITIVE_INFINITY;
    double total = 0;
    for (int i = 0; i < parameters.size(); i++) {
      Tensor g = parameters.get(i).grad();
      double reduced = g.dtype() == DType.FLOAT32 ? sums.sumOfPowers(g.floats(), p) : sums.sumOfPowers(g.doubles(), p);
      double norm = max ? reduced : root(reduced, p);
      total = max ? Math.max(total, norm) : total + power(norm, p);
    }
    return max ? total : root(total, p);
  }

  @Override
  public double clip(List<Parameter> parameters) {
    double total = totalNorm(parameters);
    if (config.errorIfNonfinite() && !Double.isFinite(total)) {
      throw new DescentException(String.format(
          "norm: the total norm of order %s of the gradients is %s, so clipping cannot proceed; "
              + "set error_if_nonfinite=false to scale anyway", config.normType(), total));
    }
    double coefficient = Math.min(1.0, config.maxNorm() / (total + 1e-6));
    for (int i = 0; i < parameters.size(); i++) {
      pass.scale(parameters.get(i).grad(), coefficient);
    }
    return total;
  }

  private static double root(double sum, double p) {
    return p == 2 ? Math.sqrt(sum) : p == 1 ? sum : Math.pow(sum, 1 / p);
  }

  private static double power(double norm, double p) {
    return p == 2 ? norm * norm : p == 1 ? norm : Math.pow(norm, p);
  }

  /** The provider of {@code norm}. */
  @AutoService(ClipperProvider.class)
  public static final class Provider extends ClipperSupport {
    public Provider() {
      super(NAME, List.of("clip_grad_norm", "global_norm"),
          "scale all gradients by min(1, max_norm/(N + 1e-6)), N their global p-norm (PyTorch clip_grad_norm_)",
          List.of(ParamSpec.requiredNumber("max_norm", "largest global norm, ≥ 0"),
              ParamSpec.number("norm_type", 2, "order p of the norm, > 0, or inf"),
              ParamSpec.flag("error_if_nonfinite", false, "fail when the global norm is NaN or infinite")),
          a -> new ClipByNorm(new Config(a.getDouble("max_norm"), a.getDouble("norm_type"),
              a.getBoolean("error_if_nonfinite"))));
    }
  }
}
