package dev.descent.initializers.torch;

import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.initializers.distribution.Uniform;
import dev.descent.spec.Arguments;

/**
 * PyTorch's {@code uniform_(a=0, b=1)}: every element drawn from U(a, b) (torch.nn.init).
 * Immutable and thread-safe.
 *
 * @param a the lower bound, finite
 * @param b the upper bound, finite and &gt; a
 */
public record TorchUniform(double a, double b) implements IidInitializer {

  public TorchUniform {
    Arguments.finite("uniform", "a", a);
    Arguments.finite("uniform", "b", b);
    if (!(b > a)) {
      throw Arguments.rangeError("uniform", "b", b, "> a (" + SpecFormat.number(a) + ")");
    }
  }

  @Override
  public Samplable distribution(Fans fans) {
    return new Uniform(a, b);
  }

  @Override
  public String spec() {
    return SpecFormat.of("uniform", "a", a, "b", b);
  }
}
