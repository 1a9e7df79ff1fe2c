package dev.descent.data;

import dev.descent.DescentException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * <p>A missing file, a file that is not IDX, a truncated file, trailing bytes and corrupt gzip data
 * are each a {@link DescentException} with a one-line message naming the file and what is wrong.
 * Stateless and thread-safe.
 */
public final class IdxReader {
  private static final int MAX_RANK = 8;

  private IdxReader() {}

  /** Reads the array in {@code file}. */
  public static IdxArray read(Path file) {
    byte[] bytes = readBytes(file);
    if (bytes.length < 4) {
      throw corrupt(file, String.format("%d bytes is too short for an IDX header", bytes.length));
    }
    int typeCode = bytes[2] & 0xFF;
    int rank = bytes[3] & 0xFF;
    IdxType type = IdxType.ofCode(typeCode);
    if (bytes[0] != 0 || bytes[1] != 0 || type == null || rank < 1 || rank > MAX_RANK) {
      throw corrupt(file, String.format("magic number 0x%02X%02X%02X%02X is not an IDX header "
          + "(expected 0x0000, a type code 08/09/0B/0C/0D/0E and 1..%d dimensions)",
          bytes[0] & 0xFF, bytes[1] & 0xFF, typeCode, rank, MAX_RANK));
    }
    int header = 4 + 4 * rank;
    if (bytes.length < header) {
      throw corrupt(file, String.format("the header announces %d dimensions but the file ends after %d bytes", rank, bytes.length));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int[] dims = new int[rank];
    long count = 1;
    StringJoiner shape = new StringJoiner("×");
    for (int i = 0; i < rank; i++) {
      dims[i] = buffer.getInt(4 + 4 * i);
      if (dims[i] < 0) {
        throw corrupt(file, String.format("dimension %d is negative (%d)", i + 1, dims[i]));
      }
      count *= dims[i];
      shape.add(Integer.toString(dims[i]));
    }
    long expected = count * type.width();
    long actual = bytes.length - header;
    if (count > Integer.MAX_VALUE - 8 || actual < expected) {
      throw corrupt(file, String.format("truncated: dimensions %s need %d bytes of %s values, but only %d follow the header",
          shape, expected, type.name().toLowerCase(java.util.Locale.ROOT), actual));
    }
    if (actual > expected) {
      throw corrupt(file, String.format("%d bytes after the %d values of dimensions %s", actual - expected, count, shape));
    }
    return new IdxArray(type, dims, ByteBuffer.wrap(bytes, header, (int) expected).slice());
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

  private static byte[] readBytes(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      if (b0 == 0x1F && b1 == 0x8B) {
        try (InputStream gz = new GZIPInputStream(raw, 1 << 16)) {
          return gz.readAllBytes();
        }
      }
      return raw.readAllBytes();
    } catch (NoSuchFileException e) {
      throw new DescentException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new DescentException(file + ": permission denied");
    } catch (ZipException | EOFException e) {
      throw corrupt(file, "corrupt gzip data (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new DescentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static DescentException corrupt(Path file, String what) {
    return new DescentException(file + ": not a valid IDX file: " + what + "; download or install it again");
  }
}
