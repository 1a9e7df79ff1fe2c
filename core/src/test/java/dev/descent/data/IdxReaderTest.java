package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IDX reader on small files written here, byte by byte as the MNIST page specifies them. */
class IdxReaderTest {
  @TempDir Path dir;

  /** Three 2×2 "images" with pixel values 0, 1, …, 11 and 255 in the last one. */
  private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};

  @ParameterizedTest
  @ValueSource(strings = {"images-idx3-ubyte", "images-idx3-ubyte.gz"})
  void readsUnsignedBytesPlainAndGzipped(String name) throws IOException {
    Path file = dir.resolve(name);
    IdxReader.writeUnsignedBytes(file, new int[] {3, 2, 2}, PIXELS);
    IdxArray a = IdxReader.read(file);
    assertEquals(IdxType.UNSIGNED_BYTE, a.type());
    assertArrayEquals(new int[] {3, 2, 2}, a.dims());
    assertEquals(3, a.items());
    assertEquals(4, a.itemSize());
    assertEquals(255, a.get(11), "unsigned: 0xFF is 255, not -1");
    var m = a.toMatrix(DType.FLOAT64, 1.0 / 255);
    assertEquals(3, m.rows());
    assertEquals(4, m.cols());
    assertEquals(5 / 255.0, m.get(1, 1), 1e-15);
    assertEquals(1.0, m.get(2, 3), 1e-15);
  }

  @Test
  void theHeaderIsTheOneOnTheMnistPage() throws IOException {
    Path file = dir.resolve("labels");
    IdxReader.writeUnsignedBytes(file, new int[] {2}, new byte[] {7, 2});
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 7, 2}, bytes);
  }

  @Test
  void readsWiderTypesBigEndian() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 + 2 * 4 + 2 * 8);
    b.put(new byte[] {0, 0, 0x0B, 1}).putInt(2).putShort((short) -300).putShort((short) 1000);
    byte[] shorts = Arrays.copyOf(b.array(), 4 + 4 + 4);
    Path s = dir.resolve("shorts");
    Files.write(s, shorts);
    IdxArray a = IdxReader.read(s);
    assertEquals(IdxType.SHORT, a.type());
    assertEquals(-300, a.get(0));
    assertEquals(1000, a.get(1));

    ByteBuffer d = ByteBuffer.allocate(4 + 8 + 8 * 2);
    d.put(new byte[] {0, 0, 0x0E, 2}).putInt(1).putInt(2).putDouble(0.25).putDouble(-1e300);
    Path doubles = dir.resolve("doubles");
    Files.write(doubles, d.array());
    IdxArray x = IdxReader.read(doubles);
    assertEquals(0.25, x.get(0));
    assertEquals(-1e300, x.get(1));
  }

  @Test
  void missingFileSaysSo() {
    var e = assertThrows(DescentException.class, () -> IdxReader.read(dir.resolve("absent.gz")));
    assertTrue(e.getMessage().contains("absent.gz: no such file"), e.getMessage());
  }

  @Test
  void corruptFilesGiveOneLineErrorsNamingTheProblem() throws IOException {
    Path notIdx = dir.resolve("notes.txt");
    Files.writeString(notIdx, "hello, world");
    assertError(notIdx, "notes.txt", "not a valid IDX file", "magic number 0x68656C6C");

    Path shortFile = dir.resolve("short");
    Files.write(shortFile, new byte[] {0, 0});
    assertError(shortFile, "the file ends at byte offset 2, inside the 4-byte magic number");

    Path truncated = dir.resolve("truncated");
    IdxReader.writeUnsignedBytes(truncated, new int[] {3, 2, 2}, PIXELS);
    byte[] all = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(all, all.length - 5));
    assertError(truncated, "truncated", "3×2×2", "need 12 bytes", "only 7");

    Path trailing = dir.resolve("trailing");
    Files.write(trailing, Arrays.copyOf(all, all.length + 3));
    assertError(trailing, "3 bytes after the 12 values");

    Path headerCut = dir.resolve("header");
    Files.write(headerCut, new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
    assertError(headerCut, "3 dimensions", "ends at byte offset 8");

    Path gz = dir.resolve("broken.gz");
    IdxReader.writeUnsignedBytes(gz, new int[] {3, 2, 2}, PIXELS);
    byte[] compressed = Files.readAllBytes(gz);
    Files.write(gz, Arrays.copyOf(compressed, compressed.length / 2));
    assertError(gz, "broken.gz", "corrupt or truncated gzip data");
  }

  private static void assertError(Path file, String... fragments) {
    var e = assertThrows(DescentException.class, () -> IdxReader.read(file));
    String m = e.getMessage();
    assertEquals(1, m.lines().count(), m);
    assertTrue(m.endsWith("; download or install it again"), m);
    for (String f : fragments) {
      assertTrue(m.contains(f), () -> "expected '" + f + "' in: " + m);
    }
  }

  @Test
  void loadsAnMnistStyleDirectoryAsTrainingAndTestSets() throws IOException {
    writeSet(dir, "train", 5, 3);
    writeSet(dir, "t10k", 2, 3);
    var sets = IdxDatasets.load(dir, IdxDatasets.Layout.mnist(), DType.FLOAT32, "install it");
    assertEquals(5, sets.train().size());
    assertEquals(2, sets.test().size());
    assertEquals(6, sets.train().featureCount(), "2×3 pixels per image");
    assertEquals(3, sets.classes());
    assertEquals(2.0, sets.train().targets().get(2));
    assertEquals(DType.FLOAT32, sets.train().features().dtype());
    assertEquals(((2 * 6 + 1) % 256) / 255.0, sets.train().features().get(2, 1), 1e-7);
  }

  @Test
  void missingFilesAndMismatchedSetsNameTheFileAndTheFix() throws IOException {
    var missingDir = assertThrows(DescentException.class,
        () -> IdxDatasets.load(dir.resolve("nowhere"), IdxDatasets.Layout.mnist(), DType.FLOAT32, "apt-get install it"));
    assertTrue(missingDir.getMessage().contains("nowhere: no such directory; apt-get install it"), missingDir.getMessage());

    writeSet(dir, "train", 5, 3);
    var missingTest = assertThrows(DescentException.class,
        () -> IdxDatasets.load(dir, IdxDatasets.Layout.mnist(), DType.FLOAT32, "apt-get install it"));
    assertTrue(missingTest.getMessage().contains("no t10k-images-idx3-ubyte or t10k-images-idx3-ubyte.gz; apt-get install it"),
        missingTest.getMessage());

    IdxReader.writeUnsignedBytes(dir.resolve("t10k-images-idx3-ubyte.gz"), new int[] {2, 2, 3}, new byte[12]);
    IdxReader.writeUnsignedBytes(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {3}, new byte[3]);
    var mismatch = assertThrows(DescentException.class,
        () -> IdxDatasets.load(dir, IdxDatasets.Layout.mnist(), DType.FLOAT32, "hint"));
    assertTrue(mismatch.getMessage().contains("holds 2 images but"), mismatch.getMessage());
    assertTrue(mismatch.getMessage().contains("holds 3 labels"), mismatch.getMessage());
  }

  /** {@code n} images of 2×3 pixels, pixel j of image i = (6i + j) mod 256, labels i mod classes. */
  static void writeSet(Path dir, String prefix, int n, int classes) throws IOException {
    byte[] pixels = new byte[n * 6];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i % 256);
    }
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % classes);
    }
    IdxReader.writeUnsignedBytes(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {n, 2, 3}, pixels);
    IdxReader.writeUnsignedBytes(dir.resolve(prefix + "-labels-idx1-ubyte"), new int[] {n}, labels);
  }
}
