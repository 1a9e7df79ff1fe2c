package dev.descent.io;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a NumPy {@code .npz} archive of named float32 and float64 arrays and writes it atomically.
 *
 * <p>An {@code .npz} file is what {@code numpy.savez} writes (numpy.lib.npyio): a ZIP archive with
 * one uncompressed (stored) entry {@code <name>.npy} per array, each a {@code .npy} file whose
 * header {@link NpyFormat#header} writes; {@code numpy.load(file)[name]} reads an array back.
 * Entries carry a fixed timestamp (1980-01-01 00:00, the earliest a ZIP records) so the same
 * arrays always give the same bytes. Arrays are not copied: {@link #writeTo} streams each one
 * twice (for the CRC-32 a stored ZIP entry needs up front, then for the data), so they must not
 * change until it returns. Not thread-safe.
 */
public final class NpzWriter {
  private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final Map<String, Pending> arrays = new LinkedHashMap<>();

  private record Pending(DType dtype, long[] shape, Object values) {}

  /** An empty archive. */
  public NpzWriter() {}

  /** Adds float32 array {@code name} of {@code shape} ({@code []} for a scalar) holding {@code values} row-major. */
  public NpzWriter add(String name, float[] values, long... shape) {
    return add(name, DType.FLOAT32, values, values.length, shape);
  }

  /** Adds float64 array {@code name} of {@code shape} holding {@code values} row-major. */
  public NpzWriter add(String name, double[] values, long... shape) {
    return add(name, DType.FLOAT64, values, values.length, shape);
  }

  /** Adds {@code tensor} with its own dtype and shape. */
  public NpzWriter add(String name, Tensor tensor) {
    long[] shape = tensor.shape().longDims();
    return tensor.dtype() == DType.FLOAT32 ? add(name, tensor.floats(), shape) : add(name, tensor.doubles(), shape);
  }

  private NpzWriter add(String name, DType dtype, Object values, int length, long[] shape) {
    if (name == null || name.isEmpty()) {
      throw new DescentException("add: an array name must not be empty");
    }
    String label = "add: array " + Json.quote(name);
    if (arrays.containsKey(name)) {
      throw new DescentException(label + " added twice");
    }
    ArrayShapes.require(label, shape, length);
    NpyFormat.header(dtype, shape);
    arrays.put(name, new Pending(dtype, shape.clone(), values));
    return this;
  }

  /** Writes the archive atomically (see {@link AtomicFile}). */
  public void writeTo(Path file) {
    AtomicFile.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (Map.Entry<String, Pending> e : arrays.entrySet()) {
        Pending p = e.getValue();
        byte[] header = NpyFormat.header(p.dtype(), p.shape());
        CRC32 crc = new CRC32();
        try (OutputStream sink = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
          sink.write(header);
          LittleEndian.write(p.values(), sink);
        }
        long size = header.length + LittleEndian.byteLength(p.values());
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ZIP_EPOCH);
        zip.putNextEntry(entry);
        zip.write(header);
        LittleEndian.write(p.values(), zip);
        zip.closeEntry();
      }
      zip.finish();
    });
  }
}
