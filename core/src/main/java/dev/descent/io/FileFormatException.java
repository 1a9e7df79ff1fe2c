package dev.descent.io;

import dev.descent.DescentException;
import java.nio.file.Path;

/**
 * A malformed file: the message is one line naming the file, where in it the problem is and what
 * is wrong, for example {@code model.safetensors: header byte 57 (line 1, column 58): duplicate
 * key "0.weight"}.
 *
 * <p>"Where" is a byte offset from the start of the file ({@code byte 12}), or, inside a JSON
 * header, the byte offset from the start of the header together with the line and column of the
 * JSON text ({@code header byte 57 (line 1, column 58)}), or a named region such as the data
 * section. Immutable and thread-safe.
 */
public class FileFormatException extends DescentException {
  private final transient Path file;

  /** A malformed {@code file}; {@code detail} says where and what, without the file name. */
  public FileFormatException(Path file, String detail) {
    super(file + ": " + detail);
    this.file = file;
  }

  /** A malformed {@code file}, caused by a lower-level error such as a {@link JsonException}. */
  public FileFormatException(Path file, String detail, Throwable cause) {
    super(file + ": " + detail, cause);
    this.file = file;
  }

  /** A problem at byte {@code offset} of {@code file} (counted from 0). */
  public static FileFormatException atByte(Path file, long offset, String what) {
    return new FileFormatException(file, "byte " + offset + ": " + what);
  }

  /** The file that is malformed. */
  public Path file() {
    return file;
  }
}
