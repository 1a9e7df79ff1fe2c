package dev.descent.initializers.torch;

import dev.descent.init.Fans;
import dev.descent.initializers.FanMode;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.VarianceScaling;
import dev.descent.initializers.VarianceScaling.Family;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.spec.Arguments;

/**
 * PyTorch's {@code xavier_uniform_(gain=1)} and {@code xavier_normal_(gain=1)} (Glorot and Bengio
 * 2010; torch.nn.init):
 *
 * <ul>
 *   <li>uniform: U(−a, a), a = gain·√(6/(fan_in + fan_out));
 *   <li>normal: N(0, std²), std = gain·√(2/(fan_in + fan_out)), untruncated (unlike Keras's
 *       {@code glorot_normal}, which truncates).
 * </ul>
 *
 * This is {@link VarianceScaling} with scale gain² and mode fan_avg. Immutable and thread-safe.
 *
 * @param family {@link Family#UNTRUNCATED_NORMAL} or {@link Family#UNIFORM}
 * @param gain the scaling factor, &gt; 0
 */
public record Xavier(Family family, double gain) implements IidInitializer {

  public Xavier {
    if (family != Family.UNTRUNCATED_NORMAL && family != Family.UNIFORM) {
      throw new IllegalArgumentException("xavier is normal or uniform, got " + family);
    }
    Arguments.greaterThan(name(family), "gain", gain, 0);
  }

  private static String name(Family family) {
    return family == Family.UNIFORM ? "xavier_uniform" : "xavier_normal";
  }

  /** The equivalent variance scaling: scale gain², fan_avg, this family. */
  public VarianceScaling scaling() {
    return new VarianceScaling(gain * gain, FanMode.FAN_AVG, family);
  }

  @Override
  public Samplable distribution(Fans fans) {
    return scaling().distribution(fans);
  }

  @Override
  public String spec() {
    return SpecFormat.of(name(family), "gain", gain);
  }
}
