package dev.descent.optimizers.schedule;

/**
 * When a training loop advances a schedule: after every epoch (PyTorch's usual
 * {@code scheduler.step()} per epoch) or after every update (as PyTorch steps {@code CyclicLR} and
 * {@code OneCycleLR}, and as Keras steps every schedule).
 */
public enum Interval {
  /** Advance once per epoch. */
  EPOCH,
  /** Advance once per optimizer update. */
  UPDATE;

  /** The lower-case word used in specs: {@code epoch} or {@code update}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@code epoch} or {@code update}. */
  public static Interval parse(String word) {
    return valueOf(word.strip().toUpperCase(java.util.Locale.ROOT));
  }
}
