package dev.descent.check;

/**
 * A warning raised by {@link TrainingDiagnostics}: the gradient reaching a layer vanished or
 * exploded.
 *
 * @param epoch the epoch (0: at initialization)
 * @param layer the layer's number, counting dense layers from 1
 * @param name the layer's description
 * @param kind vanishing or exploding
 * @param message one line that says what happened, where, and what usually helps
 */
public record DiagnosticWarning(int epoch, int layer, String name, Kind kind, String message) {

  /** What went wrong. */
  public enum Kind {
    /** The gradient is zero, or tiny compared with the output layer's. */
    VANISHING,
    /** The gradient is not finite, or huge compared with the output layer's. */
    EXPLODING
  }
}
