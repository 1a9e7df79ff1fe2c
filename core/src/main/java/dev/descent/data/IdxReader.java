package dev.descent.data;

import dev.descent.DescentException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX format of MNIST and Fashion-MNIST, compressed with gzip or not.
 *
 * <p>An IDX file is a magic number, then the dimensions, then the values (LeCun, Cortes and Burges,
 * "The MNIST database of handwritten digits"): two zero bytes, one byte naming the element type
 * ({@link IdxType}), one byte giving the number of dimensions d; then d big-endian 32-bit
 * dimension sizes; then the product of the sizes values, big-endian, row-major. A gzip file is
 * recognized by its own magic bytes 0x1F 0x8B, whatever its name.
 *
 * <p>This reader accepts 1 to {@value #MAX_RANK} dimensions, each at least 1, holding at most
 * {@value #MAX_BYTES} bytes of values (the largest Java array). A missing file, a wrong magic
 * number, an unknown type code, a bad dimension, a truncated file, trailing bytes and corrupt gzip
 * data are each a {@link DescentException} with a one-line message naming the file, the byte
 * offset (in the decompressed data for gzip) and what was expected. The claimed size is checked
 * against the file's length before anything is allocated; a gzip file is read in growing chunks,
 * so memory follows the data actually present, never what the header claims. Stateless and
 * thread-safe.
 */
public final class IdxReader {
  /** The most dimensions accepted. */
  public static final int MAX_RANK = 8;

  /** The most bytes of values accepted: the largest Java array. */
  public static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  /** The first chunk read from a gzip stream; later chunks double it. */
  private static final int FIRST_CHUNK = 1 << 20;

  /** How far past the values trailing gzip data is counted before the message says "at least". */
  private static final int TRAILING_COUNTED = 1 << 20;

  private IdxReader() {}

  /** Reads the array in {@code file}. */
  public static IdxArray read(Path file) {
    ReadFailures.requireNotDirectory(file, "an IDX file");
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
      raw.reset();
      if (!gzip) {
        return parse(file, new Source(raw, false), Files.size(file));
      }
      Source source = null;
      try (InputStream gz = new GZIPInputStream(raw, 1 << 16)) {
        source = new Source(gz, true);
        return parse(file, source, -1);
      } catch (ZipException | EOFException e) {
        throw corrupt(file, String.format("corrupt or truncated gzip data after %d decompressed bytes (%s)",
            source == null ? 0 : source.offset, e.getMessage() == null ? "unexpected end of file" : e.getMessage()));
      }
    } catch (IOException e) {
      throw ReadFailures.of(file, e);
    }
  }

  /** Reads the header and the values from {@code in}; {@code fileLength} is -1 when unknown (gzip). */
  private static IdxArray parse(Path file, Source in, long fileLength) throws IOException {
    byte[] magic = new byte[4];
    int n = in.read(magic, 0, 4);
    if (n < 4) {
      throw corrupt(file, String.format("%s ends at byte offset %d, inside the 4-byte magic number; expected an IDX "
          + "header", in.what(), n));
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw corrupt(file, String.format("magic number 0x%02X%02X%02X%02X at byte offset 0 does not start with two zero "
          + "bytes; expected 0x0000 then a type code and a dimension count", magic[0], magic[1], magic[2], magic[3]));
    }
    int typeCode = magic[2] & 0xFF;
    IdxType type = IdxType.ofCode(typeCode);
    if (type == null) {
      throw corrupt(file, String.format("unknown type code 0x%02X at byte offset 2; expected 08, 09, 0B, 0C, 0D or 0E",
          typeCode));
    }
    int rank = magic[3] & 0xFF;
    if (rank < 1 || rank > MAX_RANK) {
      throw corrupt(file, String.format("%d dimensions at byte offset 3; expected 1 to %d", rank, MAX_RANK));
    }
    int header = 4 + 4 * rank;
    byte[] sizes = new byte[4 * rank];
    n = in.read(sizes, 0, sizes.length);
    if (n < sizes.length) {
      throw corrupt(file, String.format("%s ends at byte offset %d, but the header announces %d dimension%s and "
          + "needs %d bytes", in.what(), 4 + n, rank, rank == 1 ? "" : "s", header));
    }
    ByteBuffer buffer = ByteBuffer.wrap(sizes);
    int[] dims = new int[rank];
    StringJoiner shape = new StringJoiner("×");
    for (int i = 0; i < rank; i++) {
      dims[i] = buffer.getInt(4 * i);
      if (dims[i] < 1) {
        throw corrupt(file, String.format("dimension %d at byte offset %d is %d; expected 1 to %d", i + 1, 4 + 4 * i,
            dims[i], Integer.MAX_VALUE));
      }
      shape.add(Integer.toString(dims[i]));
    }
    String typeName = type.name().toLowerCase(Locale.ROOT);
    long count = 1;
    for (int d : dims) {
      count *= d;
      if (count * type.width() > MAX_BYTES) {
        throw corrupt(file, String.format("dimensions %s of %s values need more than %d bytes; expected at most %d, "
            + "the most one array holds", shape, typeName, MAX_BYTES, MAX_BYTES));
      }
    }
    int expected = (int) (count * type.width());
    long end = (long) header + expected;
    if (fileLength >= 0 && fileLength != end) {
      throw fileLength < end
          ? truncated(file, in, shape, typeName, expected, header, fileLength)
          : trailing(file, in, fileLength - end, "", count, shape, end);
    }
    byte[] data = in.readValues(expected);
    if (data.length < expected) {
      throw truncated(file, in, shape, typeName, expected, header, header + data.length);
    }
    long extra = in.skipRest();
    if (extra > 0) {
      throw trailing(file, in, extra, extra > TRAILING_COUNTED ? "at least " : "", count, shape, end);
    }
    return new IdxArray(type, dims, ByteBuffer.wrap(data));
  }

  private static DescentException truncated(Path file, Source in, StringJoiner shape, String typeName, int expected,
      int header, long actualEnd) {
    return corrupt(file, String.format("truncated: dimensions %s need %d bytes of %s values from byte offset %d, but "
        + "%s ends at byte offset %d, after only %d", shape, expected, typeName, header, in.what(), actualEnd,
        actualEnd - header));
  }

  private static DescentException trailing(Path file, Source in, long extra, String atLeast, long count,
      StringJoiner shape, long end) {
    return corrupt(file, String.format("%s%d bytes after the %d values of dimensions %s, which end at byte offset %d; "
        + "expected %s to end there", atLeast, extra, count, shape, end, in.what()));
  }

  /**
   * Writes unsigned bytes as an IDX file of {@code dims} (gzip-compressed when the name ends in
   * {@code .gz}); for tests and for exporting data.
   */
  public static void writeUnsignedBytes(Path file, int[] dims, byte[] values) throws IOException {
    long count = 1;
    for (int d : dims) {
      count *= d;
    }
    if (count != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill dimensions " + java.util.Arrays.toString(dims));
    }
    ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
    out.put((byte) 0).put((byte) 0).put((byte) IdxType.UNSIGNED_BYTE.code()).put((byte) dims.length);
    for (int d : dims) {
      out.putInt(d);
    }
    out.put(values);
    byte[] bytes = out.array();
    if (file.getFileName().toString().endsWith(".gz")) {
      try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
        gz.write(bytes);
      }
    } else {
      Files.write(file, bytes);
    }
  }

  private static DescentException corrupt(Path file, String what) {
    return new DescentException(file + ": not a valid IDX file: " + what + "; download or install it again");
  }

  /** A stream of IDX bytes that counts its offset. */
  private static final class Source {
    private final InputStream in;
    private final boolean decompressed;
    long offset;

    Source(InputStream in, boolean decompressed) {
      this.in = in;
      this.decompressed = decompressed;
    }

    /** What the offsets count: "the file" or "the decompressed data". */
    String what() {
      return decompressed ? "the decompressed data" : "the file";
    }

    /** Reads up to {@code length} bytes, fewer only at the end of the stream; returns how many. */
    int read(byte[] into, int from, int length) throws IOException {
      int total = 0;
      while (total < length) {
        int n = in.read(into, from + total, length - total);
        if (n < 0) {
          break;
        }
        total += n;
        offset += n;
      }
      return total;
    }

    /**
     * Up to {@code expected} bytes, fewer only at the end of the stream, in an array that grows
     * from {@link #FIRST_CHUNK} as the data arrives (the file's length was checked already when
     * the data is not compressed, so the array is allocated at once).
     */
    byte[] readValues(int expected) throws IOException {
      byte[] data = new byte[decompressed ? Math.min(expected, FIRST_CHUNK) : expected];
      int filled = 0;
      while (true) {
        filled += read(data, filled, data.length - filled);
        if (filled < data.length || filled == expected) {
          return filled == data.length ? data : Arrays.copyOf(data, filled);
        }
        data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
      }
    }

    /** Counts the bytes left, up to a little over {@link #TRAILING_COUNTED}. */
    long skipRest() throws IOException {
      byte[] scratch = new byte[8192];
      long extra = 0;
      int n;
      while (extra <= TRAILING_COUNTED && (n = in.read(scratch)) >= 0) {
        extra += n;
        offset += n;
      }
      return extra;
    }
  }
}
