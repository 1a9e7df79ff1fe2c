package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.data.NpyWriter;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive against the formats it is made of: a ZIP of stored entries {@code <name>.npy}
 * (numpy.savez), each a {@code .npy} file version 1.0 (numpy.lib.format: magic {@code \x93NUMPY},
 * version 1 0, little-endian header length, the header dictionary padded with spaces and a newline
 * to a multiple of 64 bytes, then the values).
 */
class NpzWriterTest {
  @TempDir Path dir;

  private static byte[] entry(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    assertEquals(ZipEntry.STORED, e.getMethod(), name);
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes(); // ZipFile checks the CRC-32 of a stored entry as it reads it
    }
  }

  private static String header(byte[] npy) {
    assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, java.util.Arrays.copyOf(npy, 8));
    int length = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
    assertEquals(0, (10 + length) % 64, "the data starts at a multiple of 64");
    String header = new String(npy, 10, length, StandardCharsets.US_ASCII);
    assertEquals('\n', header.charAt(header.length() - 1));
    return header.stripTrailing();
  }

  @Test
  void writesStoredNpyEntriesInOrder() throws IOException {
    Path file = dir.resolve("a.npz");
    new NpzWriter()
        .add("w", new float[] {1, 2, 3, 4, 5, -0.0f}, 2, 3)
        .add("b", new double[] {0.5, -1, Math.PI}, 3)
        .add("s", new double[] {42})
        .add("e", new float[0], 0)
        .add("t", Tensor.of(DType.FLOAT64, 1, 2, 7, 8))
        .writeTo(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertEquals(List.of("w.npy", "b.npy", "s.npy", "e.npy", "t.npy"),
          Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList());
      byte[] w = entry(zip, "w.npy");
      assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header(w));
      ByteBuffer data = ByteBuffer.wrap(w, w.length - 24, 24).order(ByteOrder.LITTLE_ENDIAN);
      List<Float> values = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        values.add(data.getFloat());
      }
      assertEquals(List.of(1f, 2f, 3f, 4f, 5f, -0.0f), values);
      byte[] b = entry(zip, "b.npy");
      assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", header(b));
      assertEquals(Math.PI, ByteBuffer.wrap(b, b.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble());
      assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", header(entry(zip, "s.npy")));
      byte[] e = entry(zip, "e.npy");
      assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }", header(e));
      assertEquals(128, e.length, "the header alone, padded to 128 bytes");
      assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", header(entry(zip, "t.npy")));
    }
  }

  @Test
  void theSameArraysGiveTheSameBytes() throws IOException {
    NpzWriter writer = new NpzWriter().add("x", new float[] {1, 2}, 2);
    writer.writeTo(dir.resolve("1.npz"));
    writer.writeTo(dir.resolve("2.npz"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("1.npz")), Files.readAllBytes(dir.resolve("2.npz")));
  }

  @Test
  void npyWriterKeepsItsFormat() throws IOException {
    Path file = dir.resolve("m.npy");
    NpyWriter.write(Tensor.of(DType.FLOAT32, 2, 2, 1, 2, 3, 4), file);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", header(bytes));
    assertEquals(128 + 16, bytes.length);
  }

  @Test
  void errorsNameTheArray() {
    NpzWriter writer = new NpzWriter().add("x", new float[2], 2);
    assertEquals("add: array \"x\" added twice",
        assertThrows(DescentException.class, () -> writer.add("x", new float[2], 2)).getMessage());
    assertEquals("add: array \"y\": shape [2, 2] holds 4 values, but 3 were given",
        assertThrows(DescentException.class, () -> writer.add("y", new double[3], 2, 2)).getMessage());
    assertEquals("add: an array name must not be empty",
        assertThrows(DescentException.class, () -> writer.add("", new double[1])).getMessage());
  }
}
