package dev.descent.data;

import dev.descent.DescentException;
import dev.descent.io.NpyFormat;
import dev.descent.tensor.Tensor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tensor as a NumPy {@code .npy} file (format version 1.0, laid out by {@link NpyFormat}),
 * which {@code numpy.load} reads as is. Stateless.
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
    NpyFormat.write(tensor, out);
  }
}
