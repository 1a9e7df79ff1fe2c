package dev.descent.initializers.torch;

import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Normal;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.spec.Arguments;

/**
 * PyTorch's {@code normal_(mean=0, std=1)}: every element drawn from N(mean, std²)
 * (torch.nn.init). Immutable and thread-safe.
 *
 * @param mean the mean, finite
 * @param std the standard deviation, ≥ 0
 */
public record TorchNormal(double mean, double std) implements IidInitializer {

  public TorchNormal {
    Arguments.finite("normal", "mean", mean);
    Arguments.atLeast("normal", "std", std, 0);
  }

  @Override
  public Samplable distribution(Fans fans) {
    return Normal.of(mean, std);
  }

  @Override
  public String spec() {
    return SpecFormat.of("normal", "mean", mean, "std", std);
  }
}
