package dev.descent.data;

import dev.descent.DescentException;
import dev.descent.spec.Names;
import dev.descent.tensor.DType;
import dev.descent.tensor.DoubleTensor;
import dev.descent.tensor.FloatTensor;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a numeric CSV file with a header row into a {@link Dataset}: one column is the label (by
 * name, default the last), the others are features, optionally only those named.
 *
 * <p>The format is RFC 4180 restricted to one line per record: UTF-8 text (a leading byte order
 * mark is skipped), records end with LF, CRLF or CR, fields are separated by commas, spaces and
 * tabs around a field and blank lines are ignored, and a field may be quoted with {@code "} (a
 * doubled {@code ""} inside stands for one quote), but a quoted field cannot span lines. The header
 * names every column, each name non-empty and different; every other record holds one finite
 * decimal number per column ({@code 12}, {@code -0.5}, {@code 1e-3}; not {@code NaN}, {@code inf},
 * hexadecimal or Java's {@code 1d}), finite in the chosen {@link DType}. A field is at most
 * {@value #MAX_FIELD_LENGTH} characters.
 *
 * <p>Anything else is a one-line {@link DescentException} naming the file, the line and the
 * column (the 1-based field number) and what was expected; invalid UTF-8 and control characters
 * also give the byte offset. The file is read as a stream into flat arrays of the dtype, so memory
 * grows with the values actually read, never with what a hostile file claims. Stateless and
 * thread-safe.
 */
public final class CsvReader {
  /** The longest field accepted, in characters. */
  public static final int MAX_FIELD_LENGTH = 4096;

  /** The most values a tensor holds (the limit of {@link Shape}). */
  private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

  /** How many characters of column names an error message lists before it abbreviates. */
  private static final int LISTED_CHARACTERS = 200;

  private CsvReader() {}

  /**
   * A parsed CSV file.
   *
   * @param dataset the features and the label column
   * @param featureNames the names of the feature columns, in order
   * @param labelName the name of the label column
   */
  public record Table(Dataset dataset, List<String> featureNames, String labelName) {}

  /** Reads {@code file} with {@code label} as the label column ({@code null}: the last column). */
  public static Table read(Path file, String label, DType dtype) {
    return read(file, label, null, dtype);
  }

  /**
   * Reads {@code file} with {@code label} as the label column ({@code null}: the last) and
   * {@code features} as the feature columns ({@code null}: all the others).
   */
  public static Table read(Path file, String label, List<String> features, DType dtype) {
    return read(file, label, features, dtype, MAX_VALUES);
  }

  /** {@link #read(Path, String, List, DType)} with a lower limit on the feature values, for tests. */
  static Table read(Path file, String label, List<String> features, DType dtype, int maxValues) {
    ReadFailures.requireNotDirectory(file, "a CSV file");
    try (InputStream in = Files.newInputStream(file)) {
      return parse(new Lexer(file, in), label, features, dtype, maxValues);
    } catch (IOException e) {
      throw ReadFailures.of(file, e);
    }
  }

  private static Table parse(Lexer lexer, String label, List<String> features, DType dtype, int maxValues)
      throws IOException {
    Path file = lexer.file;
    Lexer.Token token = lexer.next();
    if (token == Lexer.Token.EOF) {
      throw new DescentException(file + ": empty file; expected a header row and data rows");
    }
    int headerLine = lexer.line();
    List<String> header = new ArrayList<>();
    Map<String, Integer> columns = new HashMap<>();
    for (; token == Lexer.Token.FIELD; token = lexer.next()) {
      String name = lexer.field();
      if (name.isBlank()) {
        throw new DescentException(String.format("%s:%d:%d: the header gives column %d no name; expected a name "
            + "for every column", file, headerLine, lexer.column(), lexer.column()));
      }
      Integer previous = columns.putIfAbsent(name, header.size());
      if (previous != null) {
        throw new DescentException(String.format("%s:%d:%d: column name %s appears twice (columns %d and %d); "
            + "expected different names", file, headerLine, lexer.column(), shown(name), previous + 1, lexer.column()));
      }
      header.add(name);
    }
    int labelIndex = label == null ? header.size() - 1 : column(file, header, columns, label, headerLine);
    int[] featureIndices = featureIndices(file, header, columns, features, labelIndex, headerLine);

    int width = header.size();
    String[] fields = new String[width];
    double[] row = new double[width];
    Values x = new Values(dtype);
    Values y = new Values(dtype);
    int rows = 0;
    while ((token = lexer.next()) != Lexer.Token.EOF) {
      int line = lexer.line();
      int count = 0;
      for (; token == Lexer.Token.FIELD; token = lexer.next()) {
        if (count < width) {
          fields[count] = lexer.field();
        }
        count++;
      }
      if (count != width) {
        throw new DescentException(String.format("%s:%d: %d field%s, but the header has %d; expected one field per "
            + "column", file, line, count, count == 1 ? "" : "s", width));
      }
      for (int c = 0; c < width; c++) {
        row[c] = number(file, line, c + 1, header.get(c), fields[c], dtype);
      }
      if ((long) (rows + 1) * featureIndices.length > maxValues) {
        throw new DescentException(String.format("%s:%d: more than %d feature values; expected at most %d rows of "
            + "%d features, the most one tensor holds", file, line, maxValues, maxValues / featureIndices.length,
            featureIndices.length));
      }
      for (int f : featureIndices) {
        x.add(row[f]);
      }
      y.add(row[labelIndex]);
      rows++;
    }
    if (rows == 0) {
      throw new DescentException(file + ": no data rows after the header");
    }
    List<String> names = new ArrayList<>(featureIndices.length);
    for (int f : featureIndices) {
      names.add(header.get(f));
    }
    Dataset dataset = new Dataset(x.toMatrix(rows, featureIndices.length), y.toMatrix(rows, 1));
    return new Table(dataset, List.copyOf(names), header.get(labelIndex));
  }

  /** The indices of {@code features} ({@code null}: every column but the label), checked. */
  private static int[] featureIndices(Path file, List<String> header, Map<String, Integer> columns,
      List<String> features, int labelIndex, int headerLine) {
    int[] indices;
    if (features == null) {
      indices = new int[header.size() - 1];
      for (int c = 0, i = 0; c < header.size(); c++) {
        if (c != labelIndex) {
          indices[i++] = c;
        }
      }
    } else {
      indices = new int[features.size()];
      for (int i = 0; i < indices.length; i++) {
        String f = features.get(i);
        indices[i] = column(file, header, columns, f, headerLine);
        if (indices[i] == labelIndex) {
          throw new DescentException(file + ": column " + shown(f) + " cannot be both a feature and the label");
        }
        if (features.subList(0, i).contains(f)) {
          throw new DescentException(file + ": column " + shown(f) + " is listed twice as a feature");
        }
      }
    }
    if (indices.length == 0) {
      throw new DescentException(file + ": no feature columns besides the label " + shown(header.get(labelIndex))
          + "; expected a header with at least two comma-separated names");
    }
    return indices;
  }

  private static int column(Path file, List<String> header, Map<String, Integer> columns, String name, int line) {
    Integer index = columns.get(name);
    if (index == null) {
      StringBuilder listed = new StringBuilder();
      for (int c = 0; c < header.size(); c++) {
        String next = (c == 0 ? "" : ", ") + abbreviated(header.get(c));
        if (c > 0 && listed.length() + next.length() > LISTED_CHARACTERS) {
          listed.append(", … (").append(header.size()).append(" in all)");
          break;
        }
        listed.append(next);
      }
      String closest = Names.closest(name, header);
      throw new DescentException(String.format("%s:%d: no column %s%s; columns: %s", file, line, shown(name),
          closest == null ? "" : " (did you mean " + shown(closest) + "?)", listed));
    }
    return index;
  }

  /**
   * The value of a field: a finite decimal number, {@code [+-]? (d+ [. d*] | . d+) ([eE] [+-]? d+)?},
   * that stays finite in {@code dtype}; rounded to the nearest double by {@link Double#parseDouble}.
   */
  private static double number(Path file, int line, int column, String name, String field, DType dtype) {
    if (!isDecimal(field)) {
      throw new DescentException(String.format("%s:%d:%d: column %s holds %s, which is not a finite number; "
          + "expected a decimal number such as 12, -0.5 or 1e-3", file, line, column, shown(name), shown(field)));
    }
    double v = Double.parseDouble(field);
    if (!Double.isFinite(v) || dtype == DType.FLOAT32 && !Float.isFinite((float) v)) {
      throw new DescentException(String.format("%s:%d:%d: column %s holds %s, which is not a finite number in %s; "
          + "expected a magnitude below %s", file, line, column, shown(name), shown(field),
          dtype.name().toLowerCase(java.util.Locale.ROOT),
          dtype == DType.FLOAT32 ? "3.4e38" : "1.8e308"));
    }
    return v;
  }

  private static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    for (; i < n && isDigit(s.charAt(i)); i++) {
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      for (i++; i < n && isDigit(s.charAt(i)); i++) {
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == exponent) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A field or name quoted for a message: {@link #abbreviated} in single quotes. */
  private static String shown(String field) {
    return "'" + abbreviated(field) + "'";
  }

  /** {@code text} {@link #printable}, cut after about 40 characters with {@code …}. */
  private static String abbreviated(String text) {
    String s = text;
    if (s.length() > 40) {
      s = s.substring(0, Character.isHighSurrogate(s.charAt(39)) ? 39 : 40) + "…";
    }
    return printable(s);
  }

  /**
   * {@code text} with control characters written as {@code \t} or <code>&#92;uXXXX</code>, so a
   * message stays one printable line: a tab is the only one a file's field can hold, but names
   * given by the caller can hold any.
   */
  private static String printable(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        b.append("\\t");
      } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A growable flat array of one dtype, widened or narrowed as the values arrive. */
  private static final class Values {
    private final DType dtype;
    private float[] floats = new float[0];
    private double[] doubles = new double[0];
    private int size;

    Values(DType dtype) {
      this.dtype = dtype;
    }

    void add(double v) {
      if (dtype == DType.FLOAT32) {
        if (size == floats.length) {
          floats = Arrays.copyOf(floats, grown(floats.length));
        }
        floats[size++] = (float) v;
      } else {
        if (size == doubles.length) {
          doubles = Arrays.copyOf(doubles, grown(doubles.length));
        }
        doubles[size++] = v;
      }
    }

    /** Twice the capacity, at least 1024, at most {@link #MAX_VALUES}. */
    private static int grown(int capacity) {
      return (int) Math.min(MAX_VALUES, Math.max(1024, 2L * capacity));
    }

    Tensor toMatrix(int rows, int cols) {
      Shape shape = Shape.matrix(rows, cols);
      return dtype == DType.FLOAT32
          ? new FloatTensor(shape, floats.length == size ? floats : Arrays.copyOf(floats, size))
          : new DoubleTensor(shape, doubles.length == size ? doubles : Arrays.copyOf(doubles, size));
    }
  }

  /**
   * Splits strict UTF-8 text into records of fields, one line per record, tracking the line, the
   * field number and the byte offset for error messages. Not thread-safe.
   */
  private static final class Lexer {
    enum Token {
      /** A field; {@link #field()} holds its text. */
      FIELD,
      /** The end of a record. */
      END,
      /** The end of the file. */
      EOF
    }

    private static final int EOF_CHAR = -1;

    final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private final StringBuilder text = new StringBuilder();
    private boolean inputEnded;
    private CoderResult malformed;
    private int ch;
    private long offset;
    private int line = 1;
    private int recordLine;
    private int column = 1;
    private int fieldColumn;
    private boolean inRecord;
    private boolean recordEnds;
    private String field;

    Lexer(Path file, InputStream in) throws IOException {
      this.file = file;
      this.in = in;
      ch = read();
      if (ch == '\uFEFF') {
        advance();
      } else {
        rejectControl();
      }
    }

    /** The line where the current record starts, from 1. */
    int line() {
      return recordLine;
    }

    /** The number of the current field in its record, from 1. */
    int column() {
      return fieldColumn;
    }

    /** The text of the current field, unquoted and stripped of surrounding spaces. */
    String field() {
      return field;
    }

    /** The next field, the end of the record that the last field closed, or the end of the file. */
    Token next() throws IOException {
      if (recordEnds) {
        recordEnds = false;
        inRecord = false;
        endLine();
        return Token.END;
      }
      if (!inRecord) {
        while (true) {
          skipBlanks();
          if (ch == EOF_CHAR) {
            return Token.EOF;
          }
          if (ch != '\r' && ch != '\n') {
            break;
          }
          endLine();
        }
        inRecord = true;
        recordLine = line;
      }
      fieldColumn = column;
      text.setLength(0);
      skipBlanks();
      if (ch == '"') {
        quoted();
        field = text.toString();
      } else {
        while (ch != ',' && ch != '\r' && ch != '\n' && ch != EOF_CHAR) {
          append();
        }
        field = text.toString().strip();
      }
      if (ch == ',') {
        column++;
        advance();
      } else {
        recordEnds = true;
      }
      return Token.FIELD;
    }

    /** A quoted field from its opening quote to the separator or line end after its closing quote. */
    private void quoted() throws IOException {
      advance();
      while (true) {
        if (ch == EOF_CHAR || ch == '\r' || ch == '\n') {
          throw error(String.format("the quoted field opened on this line is not closed; expected a closing \" "
              + "before the end of the %s", ch == EOF_CHAR ? "file" : "line"));
        }
        if (ch == '"') {
          advance();
          if (ch != '"') {
            break;
          }
        }
        append();
      }
      skipBlanks();
      if (ch != ',' && ch != '\r' && ch != '\n' && ch != EOF_CHAR) {
        throw error("expected ',' or the end of the line after the closing quote but found "
            + describe(ch));
      }
    }

    private void append() throws IOException {
      if (text.length() == MAX_FIELD_LENGTH) {
        throw error(String.format("a field longer than %d characters; expected a number or a column name",
            MAX_FIELD_LENGTH));
      }
      text.append((char) ch);
      advance();
    }

    private void skipBlanks() throws IOException {
      while (ch == ' ' || ch == '\t' || ch > 0x7F && Character.isWhitespace(ch) && !isControl(ch)) {
        advance();
      }
    }

    /** Consumes LF, CRLF or CR, if there is one; what follows is on the next line, in its first field. */
    private void endLine() throws IOException {
      if (ch != '\r' && ch != '\n') {
        return;
      }
      int terminator = ch;
      line++;
      column = 1;
      advance();
      if (terminator == '\r' && ch == '\n') {
        advance();
      }
    }

    /** Moves to the next character, rejecting control characters. */
    private void advance() throws IOException {
      offset += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate((char) ch) ? 2 : 3;
      ch = read();
      rejectControl();
    }

    private void rejectControl() {
      if (isControl(ch)) {
        String kind = ch == 0xFEFF ? "a byte order mark" : ch == 0x2028 || ch == 0x2029 ? "a line separator"
            : "a control character";
        throw error(String.format("byte offset %d holds %s, %s; expected text", offset, describe(ch), kind));
      }
    }

    /** Control characters, line separators and a byte order mark after the start: never text in a CSV file. */
    private static boolean isControl(int c) {
      return c >= 0 && (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c >= 0x7F && c <= 0x9F
          || c == 0x2028 || c == 0x2029 || c == 0xFEFF);
    }

    private int read() throws IOException {
      if (!chars.hasRemaining()) {
        fill();
        if (!chars.hasRemaining()) {
          if (malformed != null) {
            throw error(String.format("invalid UTF-8 %s at byte offset %d; expected UTF-8 text", malformedBytes(),
                offset));
          }
          return EOF_CHAR;
        }
      }
      return chars.get();
    }

    /** Decodes more characters; stops before malformed input, remembering it. */
    private void fill() throws IOException {
      chars.clear();
      while (malformed == null && chars.position() == 0) {
        CoderResult result = decoder.decode(bytes, chars, inputEnded);
        if (result.isError()) {
          malformed = result;
        } else if (result.isUnderflow()) {
          if (inputEnded) {
            break;
          }
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            inputEnded = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      }
      chars.flip();
    }

    private String malformedBytes() {
      StringBuilder b = new StringBuilder(malformed.length() == 1 ? "byte" : "bytes");
      for (int i = 0; i < malformed.length(); i++) {
        b.append(String.format(" 0x%02X", bytes.get(bytes.position() + i) & 0xFF));
      }
      return b.toString();
    }

    private static String describe(int c) {
      return c == EOF_CHAR ? "the end of the file"
          : c > ' ' && c < 0x7F ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }

    /** An error at the current line and field. */
    private DescentException error(String what) {
      return new DescentException(String.format("%s:%d:%d: %s", file, line, column, what));
    }
  }
}
