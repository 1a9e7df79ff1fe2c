package dev.descent.io;

import dev.descent.DescentException;

/**
 * Malformed or over-limit JSON text: the message is {@code line L, column C (offset O): reason}.
 *
 * <p>Lines are separated by {@code \n} and counted from 1; the column counts characters (UTF-16
 * code units) from 1; the offset counts characters from 0. A caller that read the text from a file
 * wraps this in a {@link FileFormatException} naming the file, using {@link #offset()},
 * {@link #line()}, {@link #column()} and {@link #reason()}. Immutable and thread-safe.
 */
public class JsonException extends DescentException {
  private final String reason;
  private final int offset;
  private final int line;
  private final int column;

  /** An error at character {@code offset} of {@code text}; line and column are computed. */
  public JsonException(String text, int offset, String reason) {
    this(reason, offset, Json.line(text, offset), Json.column(text, offset));
  }

  private JsonException(String reason, int offset, int line, int column) {
    super("line " + line + ", column " + column + " (offset " + offset + "): " + reason);
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** The character offset of the problem, from 0. */
  public int offset() {
    return offset;
  }

  /** The line of the problem, from 1. */
  public int line() {
    return line;
  }

  /** The column of the problem, from 1, in characters. */
  public int column() {
    return column;
  }
}
