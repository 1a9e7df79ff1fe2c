package dev.descent.initializers;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import java.util.Locale;

/**
 * Which fan a variance-scaling scheme divides by: Keras's {@code mode} and PyTorch's {@code mode}
 * of the Kaiming schemes. In Descent's {@code [in, out]} weight layout fan-in is the number of
 * rows and fan-out the number of columns (see {@link Fans}); PyTorch's {@code nn.Linear.weight} is
 * stored as {@code [out, in]}, so its fan-in is its column count, the same number.
 */
public enum FanMode {
  /** n = fan_in: preserves the variance of activations in the forward pass. */
  FAN_IN,
  /** n = fan_out: preserves the variance of gradients in the backward pass. */
  FAN_OUT,
  /** n = (fan_in + fan_out)/2: Glorot and Bengio's compromise. */
  FAN_AVG;

  /** The word used in specs: {@code fan_in}, {@code fan_out} or {@code fan_avg}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** n for {@code fans}. */
  public double fan(Fans fans) {
    return switch (this) {
      case FAN_IN -> fans.fanIn();
      case FAN_OUT -> fans.fanOut();
      case FAN_AVG -> fans.average();
    };
  }

  /** The mode written {@code label}; {@code owner} names the scheme in the error. */
  public static FanMode parse(String owner, String label) {
    for (FanMode m : values()) {
      if (m.label().equals(label)) {
        return m;
      }
    }
    throw new DescentException(String.format(
        "%s: parameter 'mode' must be one of fan_in, fan_out, fan_avg, got '%s'", owner, label));
  }
}
