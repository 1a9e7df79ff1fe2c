package dev.descent;

/**
 * An error caused by what a user asked for: an unknown name, a bad parameter, a malformed file,
 * a shape that does not fit, or training that diverged.
 *
 * <p>The message is one line that names the problem and, where there is one, the fix. Command-line
 * front ends print it as it is, without a stack trace.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class DescentException extends RuntimeException {

  /** Creates an error with a one-line message. */
  public DescentException(String message) {
    super(message);
  }

  /** Creates an error with a one-line message and the lower-level cause. */
  public DescentException(String message, Throwable cause) {
    super(message, cause);
  }
}
