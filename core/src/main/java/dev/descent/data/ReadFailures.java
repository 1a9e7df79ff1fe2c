package dev.descent.data;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The one-line errors the data readers give for a file they cannot open or read. Stateless. */
final class ReadFailures {
  private ReadFailures() {}

  /** Refuses a directory given where a {@code kind} file ("a CSV file", "an IDX file") was expected. */
  static void requireNotDirectory(Path file, String kind) {
    if (Files.isDirectory(file)) {
      throw new DescentException(file + ": is a directory; expected " + kind);
    }
  }

  /** "FILE: no such file", "FILE: permission denied" or "FILE: cannot read: why". */
  static DescentException of(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DescentException(file + ": no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new DescentException(file + ": permission denied");
    }
    return new DescentException(file + ": cannot read: " + e.getMessage(), e);
  }
}
