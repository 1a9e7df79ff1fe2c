package dev.descent.initializers.torch;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.FanMode;
import dev.descent.initializers.Gain;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.VarianceScaling;
import dev.descent.initializers.VarianceScaling.Family;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.spec.Arguments;

/**
 * PyTorch's {@code kaiming_normal_(a=0, mode='fan_in', nonlinearity='leaky_relu')} and {@code
 * kaiming_uniform_(...)} (He et al. 2015, "Delving deep into rectifiers"; torch.nn.init):
 * with gain = {@link Gain#calculate calculate_gain}(nonlinearity, a) and fan the chosen fan,
 *
 * <ul>
 *   <li>normal: N(0, std²), std = gain/√fan, untruncated;
 *   <li>uniform: U(−bound, bound), bound = gain·√(3/fan).
 * </ul>
 *
 * PyTorch's defaults give gain = √(2/(1 + 0²)) = √2. In Descent's {@code [in, out]} layout fan_in
 * is the number of rows, the same number PyTorch computes from its {@code [out, in]} weight.
 * This is {@link VarianceScaling} with scale gain². Immutable and thread-safe.
 *
 * @param family {@link Family#UNTRUNCATED_NORMAL} or {@link Family#UNIFORM}
 * @param a the negative slope of the rectifier that follows (used by {@code leaky_relu} only)
 * @param mode {@code fan_in} or {@code fan_out}
 * @param nonlinearity one of {@link Gain#NONLINEARITIES}
 */
public record Kaiming(Family family, double a, FanMode mode, String nonlinearity) implements IidInitializer {
  /** PyTorch's default nonlinearity. */
  public static final String DEFAULT_NONLINEARITY = "leaky_relu";

  public Kaiming {
    if (family != Family.UNTRUNCATED_NORMAL && family != Family.UNIFORM) {
      throw new IllegalArgumentException("kaiming is normal or uniform, got " + family);
    }
    String owner = name(family);
    Arguments.finite(owner, "a", a);
    if (mode != FanMode.FAN_IN && mode != FanMode.FAN_OUT) {
      throw new DescentException(String.format(
          "%s: parameter 'mode' must be one of fan_in, fan_out, got '%s'", owner, mode == null ? null : mode.label()));
    }
    Gain.calculate(owner, nonlinearity, a);
  }

  /** PyTorch's defaults: a = 0, fan_in, leaky_relu. */
  public static Kaiming defaults(Family family) {
    return new Kaiming(family, 0, FanMode.FAN_IN, DEFAULT_NONLINEARITY);
  }

  private static String name(Family family) {
    return family == Family.UNIFORM ? "kaiming_uniform" : "kaiming_normal";
  }

  /** calculate_gain(nonlinearity, a). */
  public double gain() {
    return Gain.calculate(name(family), nonlinearity, a);
  }

  /** The equivalent variance scaling: scale gain², this mode and family. */
  public VarianceScaling scaling() {
    double g = gain();
    return new VarianceScaling(g * g, mode, family);
  }

  @Override
  public Samplable distribution(Fans fans) {
    return scaling().distribution(fans);
  }

  @Override
  public String spec() {
    return SpecFormat.of(name(family), "a", a, "mode", mode, "nonlinearity", nonlinearity);
  }
}
