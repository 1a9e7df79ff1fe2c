package dev.descent.lab.progress;

/**
 * One piece of long work being reported: advanced as units complete, with a short extra message
 * (epoch, loss), closed at the end. Not thread-safe.
 */
public interface ProgressTask extends AutoCloseable {

  /** {@code units} more units are done. */
  void advance(long units);

  /** Replaces the extra message, such as {@code epoch 2/5, loss 0.4123}. */
  void message(String extra);

  /** Ends the task (a bar completes its line; a log prints a final line). */
  @Override
  void close();
}
