package dev.descent.testkit.example;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.InitializerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import dev.descent.tensor.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A third-party scheme as a plugin author would write it, outside Descent's modules and registered
 * through {@code META-INF/services}: |N(0, scale²)|, the half-normal. Used to test the contract on
 * a plugin that knows nothing of Descent's own machinery.
 *
 * @param scale the scale, &gt; 0
 */
public record HalfNormal(double scale) implements Initializer {

  public HalfNormal {
    Arguments.greaterThan("half_normal", "scale", scale, 0);
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    for (int i = 0; i < tensor.size(); i++) {
      tensor.set(i, Math.abs(scale * random.nextGaussian()));
    }
  }

  @Override
  public String spec() {
    return "half_normal(scale=" + scale + ")";
  }

  /** Its provider. */
  public static final class Provider extends SimpleProvider<Initializer> implements InitializerProvider {
    public Provider() {
      super("half_normal", List.of(), "|N(0, scale²)|, the half-normal distribution",
          List.of(ParamSpec.number("scale", 1.0, "the scale, > 0")), a -> new HalfNormal(a.getDouble("scale")));
    }
  }
}
