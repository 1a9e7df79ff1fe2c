package dev.descent.initializers.keras;

import dev.descent.init.Fans;
import dev.descent.initializers.FanMode;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.VarianceScaling;
import dev.descent.initializers.VarianceScaling.Family;
import dev.descent.initializers.distribution.Samplable;

/**
 * One of Keras's named variance-scaling schemes (Keras 3, keras.initializers), with n the fan of
 * its mode:
 *
 * <ul>
 *   <li>{@code glorot_uniform}: U(±√(6/(fan_in + fan_out))) — scale 1, fan_avg, uniform (Glorot
 *       and Bengio 2010);
 *   <li>{@code glorot_normal}: truncated normal with std √(2/(fan_in + fan_out)) — scale 1,
 *       fan_avg;
 *   <li>{@code he_uniform}: U(±√(6/fan_in)) — scale 2, fan_in (He et al. 2015);
 *   <li>{@code he_normal}: truncated normal with std √(2/fan_in) — scale 2, fan_in;
 *   <li>{@code lecun_uniform}: U(±√(3/fan_in)) — scale 1, fan_in (LeCun et al. 1998);
 *   <li>{@code lecun_normal}: truncated normal with std √(1/fan_in) — scale 1, fan_in (Klambauer
 *       et al. 2017).
 * </ul>
 *
 * The normal variants draw N(0, σ²) truncated at ±2σ, σ = std/0.87962566103423978 (see {@link
 * VarianceScaling}). Immutable and thread-safe.
 *
 * @param name the scheme's name, which is also its spec
 * @param scaling its variance scaling
 */
public record Preset(String name, VarianceScaling scaling) implements IidInitializer {

  public static final Preset GLOROT_UNIFORM = of("glorot_uniform", 1, FanMode.FAN_AVG, Family.UNIFORM);
  public static final Preset GLOROT_NORMAL = of("glorot_normal", 1, FanMode.FAN_AVG, Family.TRUNCATED_NORMAL);
  public static final Preset HE_UNIFORM = of("he_uniform", 2, FanMode.FAN_IN, Family.UNIFORM);
  public static final Preset HE_NORMAL = of("he_normal", 2, FanMode.FAN_IN, Family.TRUNCATED_NORMAL);
  public static final Preset LECUN_UNIFORM = of("lecun_uniform", 1, FanMode.FAN_IN, Family.UNIFORM);
  public static final Preset LECUN_NORMAL = of("lecun_normal", 1, FanMode.FAN_IN, Family.TRUNCATED_NORMAL);

  public Preset {
    com.google.common.base.Preconditions.checkArgument(name != null && !name.isBlank(), "a preset needs a name");
    com.google.common.base.Preconditions.checkNotNull(scaling, "preset %s needs a scaling", name);
  }

  private static Preset of(String name, double scale, FanMode mode, Family family) {
    return new Preset(name, new VarianceScaling(scale, mode, family));
  }

  @Override
  public Samplable distribution(Fans fans) {
    return scaling.distribution(fans);
  }

  @Override
  public String spec() {
    return name;
  }
}
