package dev.descent.train;

import dev.descent.DescentException;
import java.util.Locale;

/**
 * What the training loop does when a batch's objective or a parameter gradient is NaN or
 * infinite: {@code stop} ends training with a {@link TrainingDivergedException} naming the update
 * and the first layer where non-finite values appear; {@code skip} drops that batch without
 * updating the parameters and goes on, and still stops when every batch of an epoch was dropped.
 */
public enum NonFinitePolicy {
  /** Stop training with an error (the default). */
  STOP,
  /** Skip the batch and continue. */
  SKIP;

  /** The policy called {@code name} ({@code stop} or {@code skip}, any case). */
  public static NonFinitePolicy parse(String name) {
    for (NonFinitePolicy p : values()) {
      if (p.label().equalsIgnoreCase(name.strip())) {
        return p;
      }
    }
    throw new DescentException("unknown non-finite policy '" + name + "'; known policies: stop, skip");
  }

  /** The name as written on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
