package dev.descent.io;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Builds a safetensors file (format: https://huggingface.co/docs/safetensors; see
 * {@link SafeTensorsFormat}) from named arrays and writes it atomically.
 *
 * <p>Tensors are laid out in the order they were added, each right after the previous one. The
 * header is compact JSON with {@code __metadata__} first, padded with spaces so that the data
 * section starts at a multiple of 8 bytes, as the reference writer does. The metadata always holds
 * {@code format = "pt"}, {@code descent.format_version}, {@code descent.version} and
 * {@code descent.checksum} (CRC-32C of the data section), followed by the caller's entries.
 *
 * <p>The arrays are not copied: {@link #writeTo} reads them twice, once for the checksum and once
 * to write them, through a 64 KiB buffer, so they must not change until it returns. Not
 * thread-safe; a builder may write several files.
 */
public final class SafeTensorsWriter {
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<String, Pending> tensors = new LinkedHashMap<>();

  private record Pending(SafeTensorsDtype dtype, long[] shape, Object values) {}

  /** An empty builder. */
  public SafeTensorsWriter() {}

  /**
   * Adds metadata entry {@code key} = {@code value}. The keys the writer sets itself
   * ({@link SafeTensorsFormat#RESERVED_KEYS}) and a key given twice are errors.
   */
  public SafeTensorsWriter metadata(String key, String value) {
    if (key == null || value == null) {
      throw new DescentException("metadata: key and value must not be null, got " + key + " = " + value);
    }
    if (SafeTensorsFormat.RESERVED_KEYS.contains(key)) {
      throw new DescentException("metadata: key " + Json.quote(key) + " is set by the writer; reserved keys: "
          + String.join(", ", SafeTensorsFormat.RESERVED_KEYS));
    }
    if (metadata.putIfAbsent(key, value) != null) {
      throw new DescentException("metadata: key " + Json.quote(key) + " given twice");
    }
    return this;
  }

  /** Adds F32 tensor {@code name} of {@code shape} ({@code []} for a scalar) holding {@code values} row-major. */
  public SafeTensorsWriter add(String name, float[] values, long... shape) {
    return add(name, SafeTensorsDtype.F32, values, values.length, shape);
  }

  /** Adds F64 tensor {@code name} of {@code shape} holding {@code values} row-major. */
  public SafeTensorsWriter add(String name, double[] values, long... shape) {
    return add(name, SafeTensorsDtype.F64, values, values.length, shape);
  }

  /** Adds I64 tensor {@code name} of {@code shape} holding {@code values} row-major. */
  public SafeTensorsWriter add(String name, long[] values, long... shape) {
    return add(name, SafeTensorsDtype.I64, values, values.length, shape);
  }

  /** Adds I32 tensor {@code name} of {@code shape} holding {@code values} row-major. */
  public SafeTensorsWriter add(String name, int[] values, long... shape) {
    return add(name, SafeTensorsDtype.I32, values, values.length, shape);
  }

  /** Adds U8 tensor {@code name} of {@code shape} holding {@code values} (read as unsigned) row-major. */
  public SafeTensorsWriter add(String name, byte[] values, long... shape) {
    return add(name, SafeTensorsDtype.U8, values, values.length, shape);
  }

  /**
   * Adds {@code tensor} as F32 (FLOAT32) or F64 (FLOAT64) with the tensor's own shape: {@code [rows,
   * cols]} for a matrix, {@code [n]} for a rank-1 tensor such as a bias.
   */
  public SafeTensorsWriter add(String name, Tensor tensor) {
    long[] shape = tensor.shape().longDims();
    return tensor.dtype() == DType.FLOAT32 ? add(name, tensor.floats(), shape) : add(name, tensor.doubles(), shape);
  }

  private SafeTensorsWriter add(String name, SafeTensorsDtype dtype, Object values, int length, long[] shape) {
    if (name == null) {
      throw new DescentException("add: the tensor name must not be null");
    }
    String label = "add: tensor " + Json.quote(name);
    if (name.equals(SafeTensorsFormat.METADATA_KEY)) {
      throw new DescentException(label + ": the name is reserved for the metadata");
    }
    if (tensors.containsKey(name)) {
      throw new DescentException(label + " added twice");
    }
    ArrayShapes.require(label, shape, length);
    tensors.put(name, new Pending(dtype, shape.clone(), values));
    return this;
  }

  /** Writes the file atomically (see {@link AtomicFile}); on failure the old file, if any, is unchanged. */
  public void writeTo(Path file) {
    CRC32C crc = new CRC32C();
    try (OutputStream sink = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
      for (Pending p : tensors.values()) {
        LittleEndian.write(p.values(), sink);
      }
    } catch (IOException e) {
      throw new IllegalStateException("a null stream cannot fail", e);
    }
    byte[] header = header(SafeTensorsFormat.checksum(crc));
    AtomicFile.write(file, out -> {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
      out.write(header);
      for (Pending p : tensors.values()) {
        LittleEndian.write(p.values(), out);
      }
    });
  }

  /** The header bytes: compact JSON, padded with spaces to a multiple of 8 bytes. */
  private byte[] header(String checksum) {
    Map<String, Object> header = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(SafeTensorsFormat.FORMAT_KEY, "pt");
    meta.put(SafeTensorsFormat.FORMAT_VERSION_KEY, Integer.toString(SafeTensorsFormat.FORMAT_VERSION));
    meta.put(SafeTensorsFormat.VERSION_KEY, DescentVersion.get());
    meta.put(SafeTensorsFormat.CHECKSUM_KEY, checksum);
    meta.putAll(metadata);
    header.put(SafeTensorsFormat.METADATA_KEY, meta);
    long offset = 0;
    for (Map.Entry<String, Pending> e : tensors.entrySet()) {
      Pending p = e.getValue();
      long bytes = LittleEndian.byteLength(p.values());
      List<Long> shape = new ArrayList<>();
      for (long d : p.shape()) {
        shape.add(d);
      }
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dtype", p.dtype().name());
      info.put("shape", shape);
      info.put("data_offsets", List.of(offset, offset + bytes));
      header.put(e.getKey(), info);
      offset += bytes;
    }
    byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    if (padded > SafeTensorsLimits.DEFAULT.maxHeaderBytes()) {
      throw new DescentException("writeTo: the header would be " + padded + " bytes, more than the "
          + SafeTensorsLimits.DEFAULT.maxHeaderBytes() + " readers accept");
    }
    byte[] result = Arrays.copyOf(json, padded);
    Arrays.fill(result, json.length, padded, (byte) ' ');
    return result;
  }
}
