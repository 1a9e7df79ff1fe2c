package dev.descent.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a file write: puts the file's bytes into {@code out}. Used by {@link AtomicFile},
 * which owns the stream: the body may close it or not, and must not keep it.
 */
@FunctionalInterface
public interface IoWriter {
  /** Writes the file's content to {@code out}. */
  void writeTo(OutputStream out) throws IOException;
}
