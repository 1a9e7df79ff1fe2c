package dev.descent.initializers;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.distribution.Normal;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.initializers.distribution.TruncatedNormal;
import dev.descent.initializers.distribution.Uniform;
import dev.descent.spec.Arguments;
import java.util.Locale;

/**
 * Keras's {@code VarianceScaling(scale, mode, distribution)}, the machinery behind every
 * fan-scaled scheme of both frameworks: with n = max(1, fan) for the chosen {@link FanMode},
 *
 * <ul>
 *   <li>{@code truncated_normal}: N(0, σ²) redrawn outside ±2σ, σ = √(scale/n) / 0.87962566103423978,
 *       so that the standard deviation after truncation is √(scale/n);
 *   <li>{@code untruncated_normal}: N(0, scale/n);
 *   <li>{@code uniform}: U(−limit, limit), limit = √(3·scale/n).
 * </ul>
 *
 * (Keras 3, {@code keras.initializers.VarianceScaling}; 0.87962566103423978 is the standard
 * deviation of a standard normal truncated to [−2, 2].) Keras's Glorot, He and LeCun schemes are
 * scale 1, 2 and 1 with modes fan_avg, fan_in and fan_in; PyTorch's Xavier and Kaiming schemes
 * are scale gain² with an untruncated normal or a uniform (std = gain/√fan, bound = gain·√(3/fan)).
 * Immutable and thread-safe.
 *
 * @param scale the variance numerator, &gt; 0
 * @param mode which fan n is
 * @param family which distribution (Keras's {@code distribution})
 */
public record VarianceScaling(double scale, FanMode mode, Family family) implements IidInitializer {

  /** The standard deviation of N(0, 1) truncated to [−2, 2], which Keras divides by. */
  public static final double TRUNCATED_STD_CORRECTION = 0.87962566103423978;

  /** The distributions of variance scaling, named as in Keras. */
  public enum Family {
    /** N(0, σ²) truncated at ±2σ, σ corrected so the result has variance scale/n. */
    TRUNCATED_NORMAL,
    /** N(0, scale/n). */
    UNTRUNCATED_NORMAL,
    /** U(−√(3·scale/n), √(3·scale/n)). */
    UNIFORM;

    /** The word used in specs. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The family written {@code label}; Keras's {@code normal} means {@code truncated_normal}. */
    public static Family parse(String owner, String label) {
      if (label.equals("normal")) {
        return TRUNCATED_NORMAL;
      }
      for (Family s : values()) {
        if (s.label().equals(label)) {
          return s;
        }
      }
      throw new DescentException(String.format(
          "%s: parameter 'distribution' must be one of truncated_normal, untruncated_normal, uniform, got '%s'",
          owner, label));
    }
  }

  public VarianceScaling {
    Arguments.greaterThan("variance_scaling", "scale", scale, 0);
    if (mode == null || family == null) {
      throw new DescentException("variance_scaling: mode and distribution are required");
    }
  }

  /** The variance scale/n every element has, for {@code fans}. */
  public double variance(Fans fans) {
    return scale / Math.max(1.0, mode.fan(fans));
  }

  @Override
  public Samplable distribution(Fans fans) {
    double variance = variance(fans);
    return switch (family) {
      case TRUNCATED_NORMAL -> TruncatedNormal.twoSigma(0, Math.sqrt(variance) / TRUNCATED_STD_CORRECTION);
      case UNTRUNCATED_NORMAL -> new Normal(0, Math.sqrt(variance));
      case UNIFORM -> Uniform.symmetric(Math.sqrt(3 * variance));
    };
  }

  @Override
  public String spec() {
    return SpecFormat.of("variance_scaling", "scale", scale, "mode", mode, "distribution", family.label());
  }
}
