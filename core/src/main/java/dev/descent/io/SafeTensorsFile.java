package dev.descent.io;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * A safetensors file open for reading (format: https://huggingface.co/docs/safetensors; see
 * {@link SafeTensorsFormat}).
 *
 * <p>{@link #open(Path)} validates the whole header before it allocates anything large (see
 * {@link SafeTensorsHeader} for the list of checks) and, when the file carries a Descent checksum,
 * verifies it by streaming the data section through CRC-32C in 64 KiB chunks; the tensors
 * themselves are read only when asked for, each straight into its array. A malformed file is a
 * one-line {@link FileFormatException} naming the file, the position and the problem; an I/O
 * error is a {@link DescentException} naming the file; nothing else escapes. A file written by
 * Python's safetensors (no Descent metadata) opens the same way, without a checksum to verify.
 *
 * <p>The file stays open until {@link #close()}, so later reads see the file that was validated
 * even if it is replaced meanwhile. Reads use positional I/O and may run from several threads at
 * once.
 */
public final class SafeTensorsFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final SafeTensorsHeader header;

  private SafeTensorsFile(Path path, FileChannel channel, SafeTensorsHeader header) {
    this.path = path;
    this.channel = channel;
    this.header = header;
  }

  /** Opens and validates {@code file} within {@link SafeTensorsLimits#DEFAULT}, and verifies its checksum. */
  public static SafeTensorsFile open(Path file) {
    return open(file, SafeTensorsLimits.DEFAULT, true);
  }

  /** Opens and validates {@code file} within {@code limits}, and verifies its checksum. */
  public static SafeTensorsFile open(Path file, SafeTensorsLimits limits) {
    return open(file, limits, true);
  }

  /**
   * Opens and validates {@code file} within {@code limits}; verifies the checksum only when
   * {@code verifyChecksum} (skipping it saves one pass over the data when the caller reads only
   * part of a large file and accepts the risk).
   */
  public static SafeTensorsFile open(Path file, SafeTensorsLimits limits, boolean verifyChecksum) {
    if (Files.isDirectory(file)) {
      throw new DescentException(file + ": is a directory, not a safetensors file");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      SafeTensorsFile opened = new SafeTensorsFile(file, channel, SafeTensorsHeader.read(file, channel, limits));
      if (verifyChecksum) {
        opened.verifyChecksum();
      }
      return opened;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new DescentException(file + ": cannot read: " + IoErrors.describe(e), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /**
   * Recomputes the CRC-32C of the data section, streaming, and compares it with the header's
   * {@code descent.checksum}: true if they match, false if the file records no checksum; a
   * mismatch is a {@link FileFormatException}.
   */
  public boolean verifyChecksum() {
    if (header.checksum == null) {
      return false;
    }
    CRC32C crc = new CRC32C();
    try {
      LittleEndian.read(channel, path, header.dataStart, header.dataLength, "the data section", crc::update);
    } catch (IOException e) {
      throw ioError(e);
    }
    String actual = SafeTensorsFormat.checksum(crc);
    if (!actual.equals(header.checksum)) {
      throw new FileFormatException(path, "data section (file bytes " + header.dataStart + " to "
          + (header.dataStart + header.dataLength) + "): checksum " + actual + " does not match the "
          + header.checksum + " in the header; the file is corrupt");
    }
    return true;
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The tensor names, in the order of the header. */
  public Set<String> names() {
    return header.entries.keySet();
  }

  /** The {@code __metadata__} entries, in the order of the header; empty if there are none. */
  public Map<String, String> metadata() {
    return header.metadata;
  }

  /** The dtype of tensor {@code name} as the header spells it: {@code "F32"}, {@code "I64"}, ... */
  public String dtype(String name) {
    return entry(name).dtype().name();
  }

  /** A copy of the shape of tensor {@code name} ({@code []} for a scalar). */
  public long[] shape(String name) {
    return entry(name).shape().clone();
  }

  /** The values of F32 tensor {@code name}, row-major. */
  public float[] floats(String name) {
    SafeTensorsHeader.Entry e = require(name, SafeTensorsDtype.F32, "floats");
    float[] values = new float[length(e)];
    readFloats(e, values);
    return values;
  }

  /** The values of F64 tensor {@code name}, row-major; an F32 tensor is widened exactly. */
  public double[] doubles(String name) {
    SafeTensorsHeader.Entry e = entry(name);
    if (e.dtype() == SafeTensorsDtype.F32) {
      double[] values = new double[length(e)];
      int[] at = {0};
      read(e, chunk -> {
        FloatBuffer view = chunk.asFloatBuffer();
        while (view.hasRemaining()) {
          values[at[0]++] = view.get();
        }
      });
      return values;
    }
    require(name, SafeTensorsDtype.F64, "doubles");
    double[] values = new double[length(e)];
    readDoubles(e, values);
    return values;
  }

  /** The values of I64 tensor {@code name}, row-major. */
  public long[] longs(String name) {
    SafeTensorsHeader.Entry e = require(name, SafeTensorsDtype.I64, "longs");
    long[] values = new long[length(e)];
    int[] at = {0};
    read(e, chunk -> {
      int n = chunk.remaining() / 8;
      chunk.asLongBuffer().get(values, at[0], n);
      at[0] += n;
    });
    return values;
  }

  /** The values of I32 tensor {@code name}, row-major. */
  public int[] ints(String name) {
    SafeTensorsHeader.Entry e = require(name, SafeTensorsDtype.I32, "ints");
    int[] values = new int[length(e)];
    int[] at = {0};
    read(e, chunk -> {
      int n = chunk.remaining() / 4;
      chunk.asIntBuffer().get(values, at[0], n);
      at[0] += n;
    });
    return values;
  }

  /** The values of U8 tensor {@code name}, row-major (as signed Java bytes: use {@code b & 0xFF}). */
  public byte[] bytes(String name) {
    SafeTensorsHeader.Entry e = require(name, SafeTensorsDtype.U8, "bytes");
    byte[] values = new byte[length(e)];
    int[] at = {0};
    read(e, chunk -> {
      int n = chunk.remaining();
      chunk.get(values, at[0], n);
      at[0] += n;
    });
    return values;
  }

  /**
   * Tensor {@code name} (F32 or F64) as a {@link Tensor} of the same dtype and shape, read straight
   * into the tensor's array; a scalar becomes shape {@code [1]}. A dimension beyond the range of an
   * int is an error.
   */
  public Tensor tensor(String name) {
    SafeTensorsHeader.Entry e = entry(name);
    if (e.dtype() != SafeTensorsDtype.F32 && e.dtype() != SafeTensorsDtype.F64) {
      throw wrongDtype(e, "tensor", "F32 or F64");
    }
    length(e); // the element count must fit an array before the shape is built
    long[] dims = e.shape().length == 0 ? new long[] {1} : e.shape();
    int[] intDims = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] > Integer.MAX_VALUE) {
        throw new DescentException(path + ": tensor " + Json.quote(name) + ": shape " + Arrays.toString(e.shape())
            + " has a dimension too large for a Tensor");
      }
      intDims[i] = (int) dims[i];
    }
    if (e.dtype() == SafeTensorsDtype.F32) {
      Tensor tensor = Tensor.zeros(DType.FLOAT32, Shape.of(intDims));
      readFloats(e, tensor.floats());
      return tensor;
    }
    Tensor tensor = Tensor.zeros(DType.FLOAT64, Shape.of(intDims));
    readDoubles(e, tensor.doubles());
    return tensor;
  }

  /** Closes the file; reads afterwards fail. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  @Override
  public String toString() {
    return "SafeTensorsFile[" + path + ", " + header.entries.size() + " tensors]";
  }

  private SafeTensorsHeader.Entry entry(String name) {
    SafeTensorsHeader.Entry e = header.entries.get(name);
    if (e == null) {
      throw new DescentException(path + ": no tensor " + Json.quote(String.valueOf(name)) + "; the file holds "
          + header.knownNames());
    }
    return e;
  }

  private SafeTensorsHeader.Entry require(String name, SafeTensorsDtype dtype, String accessor) {
    SafeTensorsHeader.Entry e = entry(name);
    if (e.dtype() != dtype) {
      throw wrongDtype(e, accessor, dtype.name());
    }
    return e;
  }

  private DescentException wrongDtype(SafeTensorsHeader.Entry e, String accessor, String expected) {
    return new DescentException(path + ": tensor " + Json.quote(e.name()) + " is " + e.dtype() + ", but " + accessor
        + "() reads " + expected);
  }

  private int length(SafeTensorsHeader.Entry e) {
    long n = e.elements();
    if (n > Integer.MAX_VALUE - 8) {
      throw new DescentException(path + ": tensor " + Json.quote(e.name()) + " has " + n
          + " elements, more than a Java array holds");
    }
    return (int) n;
  }

  private void readFloats(SafeTensorsHeader.Entry e, float[] values) {
    int[] at = {0};
    read(e, chunk -> {
      FloatBuffer view = chunk.asFloatBuffer();
      int n = view.remaining();
      view.get(values, at[0], n);
      at[0] += n;
    });
  }

  private void readDoubles(SafeTensorsHeader.Entry e, double[] values) {
    int[] at = {0};
    read(e, chunk -> {
      DoubleBuffer view = chunk.asDoubleBuffer();
      int n = view.remaining();
      view.get(values, at[0], n);
      at[0] += n;
    });
  }

  private void read(SafeTensorsHeader.Entry e, LittleEndian.ChunkConsumer consumer) {
    try {
      LittleEndian.read(channel, path, header.dataStart + e.begin(), e.end() - e.begin(),
          "tensor " + Json.quote(e.name()), consumer);
    } catch (IOException x) {
      throw ioError(x);
    }
  }

  private DescentException ioError(IOException e) {
    return new DescentException(path + ": cannot read: " + IoErrors.describe(e), e);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Already failing; the first error is the one to report.
      }
    }
  }
}
