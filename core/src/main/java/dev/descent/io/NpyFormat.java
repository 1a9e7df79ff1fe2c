package dev.descent.io;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The NumPy {@code .npy} format, version 1.0 ({@code numpy.lib.format}): the magic string
 * {@code \x93NUMPY}, version bytes 1 and 0, a little-endian 16-bit header length, an ASCII header
 * dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), }} padded with
 * spaces and a newline so the data starts at a multiple of 64 bytes, then the values in row-major
 * (C) order, little-endian ({@code <f4} for float32, {@code <f8} for float64). {@code numpy.load}
 * reads it as is. Used for single {@code .npy} files and for the entries of {@link NpzWriter}'s
 * archives. Stateless.
 */
public final class NpyFormat {
  private NpyFormat() {}

  /** Writes {@code tensor} in {@code .npy} format to {@code out} (not closed), its values in chunks. */
  public static void write(Tensor tensor, OutputStream out) throws IOException {
    out.write(header(tensor.dtype(), tensor.shape().longDims()));
    LittleEndian.write(tensor.dtype() == DType.FLOAT32 ? tensor.floats() : tensor.doubles(), out);
    out.flush();
  }

  /**
   * The {@code .npy} preamble and header for a little-endian, C-order array of {@code dtype} and
   * {@code shape} ({@code ()} for a scalar, {@code (n,)} for rank 1): the bytes that precede the
   * values, a multiple of 64 long. A header longer than the 65535 bytes of format 1.0 is an error.
   */
  public static byte[] header(DType dtype, long... shape) {
    StringBuilder tuple = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      tuple.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    tuple.append(shape.length == 1 ? ",)" : ")");
    String descr = dtype == DType.FLOAT32 ? "<f4" : "<f8";
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    int length = header.length();
    if (length > 0xFFFF) {
      throw new DescentException("a .npy header of " + length + " bytes does not fit format 1.0 (shape of rank "
          + shape.length + ")");
    }
    byte[] bytes = new byte[10 + length];
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (length & 0xff), (byte) (length >>> 8)};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, bytes, 10, length);
    return bytes;
  }
}
