package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.spec.Messages;
import dev.descent.tensor.DType;
import dev.descent.testing.ThreadAllocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an IDX file can be malformed, plain or gzipped, each with the exact one-line message it
 * gives: the file, the byte offset and what was expected; and the proof that a header claiming more
 * than the file holds is refused before anything large is allocated.
 */
class IdxReaderMalformedInputTest {
  @TempDir
  Path dir;

  /** The header of an IDX file: type code, then the dimensions. */
  static byte[] header(int typeCode, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
    b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.array();
  }

  /** A valid 3×2×2 unsigned-byte file with values 0..11. */
  static byte[] valid() {
    return concat(header(0x08, 3, 2, 2), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  }

  static Stream<Arguments> malformed() {
    byte[] valid = valid();
    return Stream.of(
        plain("empty file", new byte[0], "the file ends at byte offset 0, inside the 4-byte magic number; expected an "
            + "IDX header"),
        plain("three bytes", new byte[] {0, 0, 8}, "the file ends at byte offset 3, inside the 4-byte magic number; "
            + "expected an IDX header"),
        plain("text", "hello, world".getBytes(StandardCharsets.US_ASCII), "magic number 0x68656C6C at byte offset 0 "
            + "does not start with two zero bytes; expected 0x0000 then a type code and a dimension count"),
        plain("an HTML error page", "<html>not found</html>".getBytes(StandardCharsets.US_ASCII), "magic number "
            + "0x3C68746D at byte offset 0 does not start with two zero bytes; expected 0x0000 then a type code and a "
            + "dimension count"),
        plain("a zip archive", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "magic number 0x504B0304 at byte offset 0 does "
            + "not start with two zero bytes; expected 0x0000 then a type code and a dimension count"),
        plain("unknown type code", header(0x0A, 1), "unknown type code 0x0A at byte offset 2; expected 08, 09, 0B, 0C, "
            + "0D or 0E"),
        plain("type code zero", header(0x00, 1), "unknown type code 0x00 at byte offset 2; expected 08, 09, 0B, 0C, 0D "
            + "or 0E"),
        plain("no dimensions", new byte[] {0, 0, 8, 0, 1, 2}, "0 dimensions at byte offset 3; expected 1 to 8"),
        plain("nine dimensions", header(0x08, 1, 1, 1, 1, 1, 1, 1, 1, 1), "9 dimensions at byte offset 3; expected 1 "
            + "to 8"),
        plain("255 dimensions", new byte[] {0, 0, 8, (byte) 255}, "255 dimensions at byte offset 3; expected 1 to 8"),
        plain("header cut in the dimensions", new byte[] {0, 0, 8, 3, 0, 0, 0, 1}, "the file ends at byte offset 8, "
            + "but the header announces 3 dimensions and needs 16 bytes"),
        plain("header cut inside a dimension", new byte[] {0, 0, 8, 1, 0, 0}, "the file ends at byte offset 6, but the "
            + "header announces 1 dimension and needs 8 bytes"),
        plain("zero dimension", header(0x08, 0, 5), "dimension 1 at byte offset 4 is 0; expected 1 to 2147483647"),
        plain("zero dimension hiding an overflow", header(0x08, 0, 65536, 65536), "dimension 1 at byte offset 4 is 0; "
            + "expected 1 to 2147483647"),
        plain("negative dimension", header(0x08, 2, -1), "dimension 2 at byte offset 8 is -1; expected 1 to "
            + "2147483647"),
        plain("most negative dimension", header(0x08, Integer.MIN_VALUE), "dimension 1 at byte offset 4 is "
            + "-2147483648; expected 1 to 2147483647"),
        plain("product that wraps around 64 bits to zero", header(0x08, 65536, 65536, 65536, 65536), "dimensions "
            + "65536×65536×65536×65536 of unsigned_byte values need more than 2147483639 bytes; expected at most "
            + "2147483639, the most one array holds"),
        plain("eight largest dimensions", header(0x08, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), "dimensions "
            + "2147483647×2147483647×2147483647×2147483647×2147483647×2147483647×2147483647×2147483647 of "
            + "unsigned_byte values need more than 2147483639 bytes"),
        plain("2^28 doubles are 2 GiB", header(0x0E, 1 << 28), "dimensions 268435456 of double values need more than "
            + "2147483639 bytes"),
        plain("MNIST header without its images", concat(header(0x08, 60000, 28, 28), new byte[100]), "truncated: "
            + "dimensions 60000×28×28 need 47040000 bytes of unsigned_byte values from byte offset 16, but the file "
            + "ends at byte offset 116, after only 100"),
        plain("the largest claim and no data", header(0x08, IdxReader.MAX_BYTES), "truncated: dimensions 2147483639 "
            + "need 2147483639 bytes of unsigned_byte values from byte offset 8, but the file ends at byte offset 8, "
            + "after only 0"),
        plain("a double cut in half", concat(header(0x0E, 2), new byte[12]), "truncated: dimensions 2 need 16 bytes of "
            + "double values from byte offset 8, but the file ends at byte offset 20, after only 12"),
        plain("truncated values", Arrays.copyOf(valid, valid.length - 5), "truncated: dimensions 3×2×2 need 12 bytes "
            + "of unsigned_byte values from byte offset 16, but the file ends at byte offset 23, after only 7"),
        plain("trailing bytes", Arrays.copyOf(valid, valid.length + 3), "3 bytes after the 12 values of dimensions "
            + "3×2×2, which end at byte offset 28; expected the file to end there"),
        plain("two files in one", concat(valid, valid), "28 bytes after the 12 values of dimensions 3×2×2, which end "
            + "at byte offset 28; expected the file to end there"),
        gzipped("empty data, gzipped", new byte[0], "the decompressed data ends at byte offset 0, inside the 4-byte "
            + "magic number; expected an IDX header"),
        gzipped("text, gzipped", "hello".getBytes(StandardCharsets.US_ASCII), "magic number 0x68656C6C at byte offset 0 "
            + "does not start with two zero bytes"),
        gzipped("truncated values, gzipped", Arrays.copyOf(valid, valid.length - 5), "truncated: dimensions 3×2×2 need "
            + "12 bytes of unsigned_byte values from byte offset 16, but the decompressed data ends at byte offset 23, "
            + "after only 7"),
        gzipped("trailing bytes, gzipped", Arrays.copyOf(valid, valid.length + 3), "3 bytes after the 12 values of "
            + "dimensions 3×2×2, which end at byte offset 28; expected the decompressed data to end there"),
        gzipped("a claim of 2 GB with 10 bytes, gzipped", concat(header(0x08, 2_000_000_000), new byte[10]),
            "truncated: dimensions 2000000000 need 2000000000 bytes of unsigned_byte values from byte offset 8, but "
            + "the decompressed data ends at byte offset 18, after only 10"),
        plain("only the gzip magic", new byte[] {0x1F, (byte) 0x8B}, "corrupt or truncated gzip data after 0 "
            + "decompressed bytes (unexpected end of file)"),
        plain("gzip cut before its trailer", Arrays.copyOf(gzip(valid), gzip(valid).length - 8), "corrupt or "
            + "truncated gzip data after 28 decompressed bytes (unexpected end of file)"),
        plain("gzip cut inside its compressed data", Arrays.copyOf(gzip(valid), 14), "corrupt or truncated gzip data "
            + "after 3 decompressed bytes (Unexpected end of ZLIB input stream)"),
        plain("gzip with a wrong checksum", flip(gzip(valid), gzip(valid).length - 8), "corrupt or truncated gzip "
            + "data after 28 decompressed bytes (Corrupt GZIP trailer)"),
        plain("gzip with an unknown compression method", flip(gzip(valid), 2), "corrupt or truncated gzip data after "
            + "0 decompressed bytes (Unsupported compression method)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void eachMalformedFileGivesItsOneLineMessage(String what, byte[] content, String expected) throws IOException {
    Path file = dir.resolve("data-idx");
    Files.write(file, content);
    DescentException e = assertThrows(DescentException.class, () -> IdxReader.read(file));
    Messages.assertOneLine(e.getMessage(), 400);
    String prefix = file + ": not a valid IDX file: " + expected;
    assertTrue(e.getMessage().startsWith(prefix), () -> "expected: " + prefix + "\n but was: " + e.getMessage());
    assertTrue(e.getMessage().endsWith("; download or install it again"), e.getMessage());
  }

  @Test
  void aHeaderClaimingTwoGigabytesIsRefusedWithoutAllocatingThem() throws IOException {
    Path plain = dir.resolve("claim-idx");
    Files.write(plain, concat(header(0x08, IdxReader.MAX_BYTES), new byte[10]));
    Path gz = dir.resolve("claim-idx.gz");
    Files.write(gz, gzip(concat(header(0x08, IdxReader.MAX_BYTES), new byte[10])));
    for (Path file : new Path[] {plain, gz}) {
      long allocated = ThreadAllocation.bytesAllocatedBy(() -> assertThrows(DescentException.class, () -> IdxReader.read(file)));
      assertTrue(allocated < 4 << 20, file + ": a 2 GiB claim made the reader allocate " + allocated + " bytes");
    }
  }

  @Test
  void everyElementTypeReadsBackBigEndian() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 * 6);
    b.put(new byte[] {0, 0, 0x0C, 1}).putInt(2).putInt(-7).putInt(Integer.MAX_VALUE);
    Path ints = dir.resolve("ints");
    Files.write(ints, Arrays.copyOf(b.array(), 16));
    IdxArray a = IdxReader.read(ints);
    assertEquals(-7, a.get(0));
    assertEquals(Integer.MAX_VALUE, a.get(1));

    Path floats = dir.resolve("floats");
    Files.write(floats, ByteBuffer.allocate(16).put(new byte[] {0, 0, 0x0D, 1}).putInt(2).putFloat(1.5f)
        .putFloat(-0.25f).array());
    assertArrayEquals(new double[] {1.5, -0.25}, IdxReader.read(floats).toMatrix(DType.FLOAT64, 1).toDoubleArray());

    Path bytes = dir.resolve("signed");
    Files.write(bytes, new byte[] {0, 0, 0x09, 1, 0, 0, 0, 2, -128, 127});
    assertArrayEquals(new double[] {-128, 127}, IdxReader.read(bytes).toMatrix(DType.FLOAT64, 1).toDoubleArray());
  }

  @Test
  void filesThatCannotBeReadAreNamed() {
    DescentException directory = assertThrows(DescentException.class, () -> IdxReader.read(dir));
    assertEquals(dir + ": is a directory; expected an IDX file", directory.getMessage());
  }

  // ------------------------------------------------------------------ image sets

  @Test
  void labelsMustBeUnsignedBytesInOneDimension() throws IOException {
    Path images = dir.resolve("images");
    IdxReader.writeUnsignedBytes(images, new int[] {2, 2, 2}, new byte[8]);
    Path ints = dir.resolve("labels-int");
    Files.write(ints, concat(header(0x0C, 2), new byte[8]));
    assertEquals(ints + ": labels must hold unsigned bytes (type code 08), found IdxArray[2] of int",
        loadError(images, ints));
    Path matrix = dir.resolve("labels-2d");
    IdxReader.writeUnsignedBytes(matrix, new int[] {2, 1}, new byte[2]);
    assertEquals(matrix + ": labels must be one-dimensional, found IdxArray[2, 1] of unsigned_byte",
        loadError(images, matrix));
  }

  @Test
  void imagesMustBeUnsignedBytesInAtLeastTwoDimensions() throws IOException {
    Path labels = dir.resolve("labels");
    IdxReader.writeUnsignedBytes(labels, new int[] {2}, new byte[2]);
    Path floats = dir.resolve("images-float");
    Files.write(floats, concat(header(0x0D, 2, 1), new byte[8]));
    assertEquals(floats + ": images must hold unsigned bytes (type code 08), found IdxArray[2, 1] of float",
        loadError(floats, labels));
    Path flat = dir.resolve("images-1d");
    IdxReader.writeUnsignedBytes(flat, new int[] {2}, new byte[2]);
    assertEquals(flat + ": images need at least two dimensions (count and pixels), found IdxArray[2] of unsigned_byte",
        loadError(flat, labels));
  }

  @Test
  void imagesAndLabelsMustBeAsMany() throws IOException {
    Path images = dir.resolve("images");
    IdxReader.writeUnsignedBytes(images, new int[] {2, 2, 2}, new byte[8]);
    Path labels = dir.resolve("labels");
    IdxReader.writeUnsignedBytes(labels, new int[] {3}, new byte[3]);
    assertEquals(images + " holds 2 images but " + labels + " holds 3 labels; the two files must belong together",
        loadError(images, labels));
  }

  @Test
  void trainingAndTestImagesMustHaveTheSamePixels() throws IOException {
    IdxReaderTest.writeSet(dir, "train", 3, 2);
    IdxReader.writeUnsignedBytes(dir.resolve("t10k-images-idx3-ubyte"), new int[] {2, 2, 2}, new byte[8]);
    IdxReader.writeUnsignedBytes(dir.resolve("t10k-labels-idx1-ubyte"), new int[] {2}, new byte[2]);
    DescentException e = assertThrows(DescentException.class,
        () -> IdxDatasets.load(dir, IdxDatasets.Layout.mnist(), DType.FLOAT32, "hint"));
    assertEquals(dir + ": training images have 6 pixels but test images 4; the files must belong together",
        e.getMessage());
  }

  private static String loadError(Path images, Path labels) {
    return assertThrows(DescentException.class, () -> IdxDatasets.load(images, labels, DType.FLOAT32)).getMessage();
  }

  // ------------------------------------------------------------------ helpers

  private static Arguments plain(String what, byte[] content, String expected) {
    return Arguments.of(what, content, expected);
  }

  private static Arguments gzipped(String what, byte[] content, String expected) {
    return Arguments.of(what, gzip(content), expected);
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 0x01;
    return copy;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
