package dev.descent.optimizers.clip;

import com.google.auto.service.AutoService;
import dev.descent.nn.Parameter;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * Clipping by value with PyTorch's {@code torch.nn.utils.clip_grad_value_} semantics: every
 * gradient entry is clamped to [−clip_value, clip_value]. One parallel pass per tensor. Not
 * thread-safe.
 */
public final class ClipByValue implements GradientClipper {
  static final String NAME = "value";
  private final Config config;
  private final ElementwisePass pass = new ElementwisePass();

  /**
   * The clipping configuration, validated on construction.
   *
   * @param clipValue the largest absolute gradient entry, ≥ 0
   */
  public record Config(double clipValue) {
    public Config {
      Arguments.atLeast(NAME, "clip_value", clipValue, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("clip_value", clipValue).toString();
    }
  }

  /** A clipper with {@code config}. */
  public ClipByValue(Config config) {
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

  @Override
  public double clip(List<Parameter> parameters) {
    double largest = 0;
    for (int i = 0; i < parameters.size(); i++) {
      largest = Math.max(largest, pass.clamp(parameters.get(i).grad(), config.clipValue()));
    }
    return largest;
  }

  /** The provider of {@code value}. */
  @AutoService(ClipperProvider.class)
  public static final class Provider extends ClipperSupport {
    public Provider() {
      super(NAME, List.of("clip_grad_value"), "clamp every gradient entry to [−clip_value, clip_value] (PyTorch clip_grad_value_)",
          List.of(ParamSpec.requiredNumber("clip_value", "largest absolute gradient entry, ≥ 0")),
          a -> new ClipByValue(new Config(a.getDouble("clip_value"))));
    }
  }
}
