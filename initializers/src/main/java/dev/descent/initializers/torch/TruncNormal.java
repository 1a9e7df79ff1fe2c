package dev.descent.initializers.torch;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.initializers.distribution.TruncatedNormal;
import dev.descent.spec.Arguments;

/**
 * PyTorch's {@code trunc_normal_(mean=0, std=1, a=-2, b=2)}: N(mean, std²) conditioned on the
 * absolute interval [a, b] (torch.nn.init). Unlike Keras's {@code truncated_normal}, the bounds are
 * values, not multiples of std, and std is the underlying normal's, not corrected. Immutable and
 * thread-safe.
 *
 * @param mean the underlying normal's mean, finite
 * @param std the underlying normal's standard deviation, &gt; 0
 * @param a the lower bound
 * @param b the upper bound, &gt; a
 */
public record TruncNormal(double mean, double std, double a, double b) implements IidInitializer {

  public TruncNormal {
    Arguments.finite("trunc_normal", "mean", mean);
    Arguments.greaterThan("trunc_normal", "std", std, 0);
    if (Double.isNaN(a) || Double.isNaN(b) || !(b > a)) {
      throw Arguments.rangeError("trunc_normal", "b", b, "> a (" + SpecFormat.number(a) + ")");
    }
    try {
      new TruncatedNormal(mean, std, a, b);
    } catch (IllegalArgumentException e) {
      throw new DescentException(String.format(
          "trunc_normal: [a, b] = [%s, %s] holds no probability mass of N(%s, %s²); move a and b nearer the mean",
          SpecFormat.number(a), SpecFormat.number(b), SpecFormat.number(mean), SpecFormat.number(std)));
    }
  }

  @Override
  public Samplable distribution(Fans fans) {
    return new TruncatedNormal(mean, std, a, b);
  }

  @Override
  public String spec() {
    return SpecFormat.of("trunc_normal", "mean", mean, "std", std, "a", a, "b", b);
  }
}
