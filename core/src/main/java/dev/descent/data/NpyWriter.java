package dev.descent.data;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tensor as a NumPy {@code .npy} file (format version 1.0, as documented in
 * {@code numpy.lib.format}): the magic string {@code \x93NUMPY}, version bytes 1 and 0, a
 * little-endian 16-bit header length, an ASCII header dictionary
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), }} padded with spaces and a
 * newline so the data starts at a multiple of 64 bytes, then the values in row-major (C) order,
 * little-endian ({@code <f4} for float32, {@code <f8} for float64). {@code numpy.load} reads it as
 * is. Stateless.
 */
public final class NpyWriter {
  private NpyWriter() {}

  /** Writes {@code tensor} to {@code file}. */
  public static void write(Tensor tensor, Path file) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      write(tensor, out);
    } catch (IOException e) {
      throw new DescentException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Writes {@code tensor} in {@code .npy} format to {@code out} (not closed). */
  public static void write(Tensor tensor, OutputStream out) throws IOException {
    boolean single = tensor.dtype() == DType.FLOAT32;
    int[] dims = tensor.shape().dims();
    StringBuilder shape = new StringBuilder("(");
    for (int d : dims) {
      shape.append(d).append(", ");
    }
    if (dims.length > 1) {
      shape.setLength(shape.length() - 2);
    } else {
      shape.setLength(shape.length() - 1);
    }
    shape.append(')');
    String dict = "{'descr': '" + (single ? "<f4" : "<f8") + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    DataOutputStream data = new DataOutputStream(out);
    data.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    int length = header.length();
    data.write(length & 0xff);
    data.write(length >>> 8);
    data.write(header.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < tensor.size(); i++) {
      if (single) {
        data.writeInt(Integer.reverseBytes(Float.floatToRawIntBits((float) tensor.get(i))));
      } else {
        data.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(tensor.get(i))));
      }
    }
    data.flush();
  }
}
