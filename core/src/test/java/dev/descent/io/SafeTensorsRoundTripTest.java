package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing and reading back every dtype, the metadata Descent adds, the layout against the
 * format's rules, files from the reference implementation's own tests and from NumPy, and the
 * promise that neither side copies a whole data section.
 */
class SafeTensorsRoundTripTest {
  @TempDir Path dir;

  private static int[] floatSpecials() {
    return new int[] {0x7fc00001, 0xffc00000, 0x80000000, 0x00000001, 0x7f800000, 0xff800000, 0x7f7fffff, 0x3dcccccd};
  }

  @Test
  void everyDtypeRoundTripsBitForBit() {
    SplittableRandom random = new SplittableRandom(7);
    float[] f32 = new float[50_001];
    for (int i = 0; i < f32.length; i++) {
      f32[i] = Float.intBitsToFloat(random.nextInt());
    }
    int[] specials = floatSpecials();
    for (int i = 0; i < specials.length; i++) {
      f32[i] = Float.intBitsToFloat(specials[i]);
    }
    double[] f64 = new double[20_003];
    for (int i = 0; i < f64.length; i++) {
      f64[i] = Double.longBitsToDouble(random.nextLong());
    }
    f64[0] = Double.longBitsToDouble(0x7ff8000000000001L);
    f64[1] = -0.0;
    long[] i64 = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 0x0102030405060708L};
    int[] i32 = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 0x01020304};
    byte[] u8 = new byte[256];
    for (int i = 0; i < 256; i++) {
      u8[i] = (byte) i;
    }
    Path file = dir.resolve("all.safetensors");
    new SafeTensorsWriter()
        .add("f32", f32, 3, 16667)
        .add("f64", f64, 20003)
        .add("i64", i64, 2, 3)
        .add("i32", i32, 6)
        .add("u8", u8, 16, 16)
        .add("scalar", new double[] {42.5})
        .add("empty", new float[0], 0, 3)
        .writeTo(file);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(List.of("f32", "f64", "i64", "i32", "u8", "scalar", "empty"), new ArrayList<>(f.names()));
      assertEquals("F32", f.dtype("f32"));
      assertArrayEquals(new long[] {3, 16667}, f.shape("f32"));
      float[] back = f.floats("f32");
      for (int i = 0; i < f32.length; i++) {
        assertEquals(Float.floatToRawIntBits(f32[i]), Float.floatToRawIntBits(back[i]), "f32[" + i + "]");
      }
      double[] backDoubles = f.doubles("f64");
      for (int i = 0; i < f64.length; i++) {
        assertEquals(Double.doubleToRawLongBits(f64[i]), Double.doubleToRawLongBits(backDoubles[i]), "f64[" + i + "]");
      }
      assertArrayEquals(i64, f.longs("i64"));
      assertArrayEquals(i32, f.ints("i32"));
      assertArrayEquals(u8, f.bytes("u8"));
      assertArrayEquals(new long[0], f.shape("scalar"));
      assertArrayEquals(new double[] {42.5}, f.doubles("scalar"));
      assertArrayEquals(new long[] {0, 3}, f.shape("empty"));
      assertEquals(0, f.floats("empty").length);
      double[] widened = f.doubles("f32");
      for (int i = 0; i < f32.length; i++) {
        assertEquals(Double.doubleToRawLongBits(f32[i]), Double.doubleToRawLongBits(widened[i]), "widened[" + i + "]");
      }
    }
  }

  @Test
  void metadataHoldsFormatVersionAndAChecksumOfTheDataSection() throws IOException {
    Path file = dir.resolve("m.safetensors");
    new SafeTensorsWriter()
        .metadata("note", "Gewichte \u00e4 \uD83D\uDE42 \"quoted\" \\ \n\t")
        .metadata("step", "12")
        .add("w", new float[] {1, 2, 3, 4, 5, 6}, 2, 3)
        .writeTo(file);
    byte[] bytes = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    CRC32C crc = new CRC32C();
    crc.update(bytes, (int) (8 + n), bytes.length - (int) (8 + n));
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(List.of("format", "descent.format_version", "descent.version", "descent.checksum", "note", "step"),
          new ArrayList<>(f.metadata().keySet()));
      assertEquals("pt", f.metadata().get("format"));
      assertEquals("1", f.metadata().get("descent.format_version"));
      assertEquals(DescentVersion.get(), f.metadata().get("descent.version"));
      assertEquals(String.format("crc32c:%08x", crc.getValue()), f.metadata().get("descent.checksum"));
      assertEquals("Gewichte \u00e4 \uD83D\uDE42 \"quoted\" \\ \n\t", f.metadata().get("note"));
      assertTrue(f.verifyChecksum());
    }
  }

  /** The check value of CRC-32C, from the CRC catalogue and RFC 3720: CRC-32C("123456789") = 0xE3069283. */
  @Test
  void checksumIsCrc32cOfTheCatalogue() {
    CRC32C crc = new CRC32C();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
    assertEquals("crc32c:e3069283", SafeTensorsFormat.checksum(crc));
  }

  @Test
  void layoutFollowsTheFormat() throws IOException {
    Path file = dir.resolve("l.safetensors");
    new SafeTensorsWriter().add("a", new byte[] {1, 2, 3}, 3).add("b", new double[] {1, 2}, 2).add("c", new long[] {7}, 1)
        .writeTo(file);
    byte[] bytes = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertEquals(0, n % 8, "the data section starts at a multiple of 8");
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    String json = header.stripTrailing();
    assertTrue(header.substring(json.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
    assertTrue(header.length() - json.length() < 8);
    Map<?, ?> root = (Map<?, ?>) Json.parse(json, JsonLimits.DEFAULT);
    assertEquals(List.of("__metadata__", "a", "b", "c"), new ArrayList<>(root.keySet()));
    assertEquals(Map.of("dtype", "U8", "shape", List.of(3L), "data_offsets", List.of(0L, 3L)), root.get("a"));
    assertEquals(Map.of("dtype", "F64", "shape", List.of(2L), "data_offsets", List.of(3L, 19L)), root.get("b"));
    assertEquals(Map.of("dtype", "I64", "shape", List.of(1L), "data_offsets", List.of(19L, 27L)), root.get("c"));
    assertEquals(8 + n + 27, bytes.length);
    // Little-endian: 1.0 as a double is 00 00 00 00 00 00 F0 3F.
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F}, java.util.Arrays.copyOfRange(bytes, (int) (8 + n + 3), (int) (8 + n + 11)));
  }

  @Test
  void tensorsKeepTheirDtypeAndShape() {
    Path file = dir.resolve("t.safetensors");
    Tensor weight = Tensor.of(DType.FLOAT32, 2, 3, 1, 2, 3, 4, 5, 6);
    Tensor bias = Tensor.zeros(DType.FLOAT64, Shape.of(3));
    bias.set(0, 0.5);
    bias.set(2, -1.25);
    new SafeTensorsWriter().add("dense.weight", weight).add("dense.bias", bias).writeTo(file);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals("F32", f.dtype("dense.weight"));
      assertArrayEquals(new long[] {2, 3}, f.shape("dense.weight"));
      assertEquals("F64", f.dtype("dense.bias"));
      assertArrayEquals(new long[] {3}, f.shape("dense.bias"));
      Tensor w = f.tensor("dense.weight");
      assertEquals(DType.FLOAT32, w.dtype());
      assertEquals(weight.shape(), w.shape());
      assertArrayEquals(weight.floats(), w.floats());
      Tensor b = f.tensor("dense.bias");
      assertEquals(Shape.of(3), b.shape());
      assertArrayEquals(new double[] {0.5, 0, -1.25}, b.doubles());
    }
  }

  @Test
  void builderErrorsNameTheTensorAndTheShapes() {
    SafeTensorsWriter w = new SafeTensorsWriter().add("w", new float[6], 2, 3);
    assertEquals("add: tensor \"x\": shape [2, 2] holds 4 values, but 5 were given",
        assertThrows(DescentException.class, () -> w.add("x", new float[5], 2, 2)).getMessage());
    assertEquals("add: tensor \"x\": shape [] holds 1 value, but 3 were given",
        assertThrows(DescentException.class, () -> w.add("x", new double[3])).getMessage());
    assertEquals("add: tensor \"x\": shape [-1, 2] has a negative dimension",
        assertThrows(DescentException.class, () -> w.add("x", new long[2], -1, 2)).getMessage());
    assertEquals("add: tensor \"x\": shape [4294967296, 4294967296] has more than 2^63 elements",
        assertThrows(DescentException.class, () -> w.add("x", new byte[0], 1L << 32, 1L << 32)).getMessage());
    assertEquals("add: tensor \"w\" added twice",
        assertThrows(DescentException.class, () -> w.add("w", new float[6], 6)).getMessage());
    assertEquals("add: tensor \"__metadata__\": the name is reserved for the metadata",
        assertThrows(DescentException.class, () -> w.add("__metadata__", new float[1], 1)).getMessage());
    assertEquals("metadata: key \"descent.checksum\" is set by the writer; reserved keys: format, descent.format_version, "
        + "descent.version, descent.checksum",
        assertThrows(DescentException.class, () -> w.metadata("descent.checksum", "x")).getMessage());
    w.metadata("k", "v");
    assertEquals("metadata: key \"k\" given twice", assertThrows(DescentException.class, () -> w.metadata("k", "w")).getMessage());
    Path missing = dir.resolve("no/such/dir/w.safetensors");
    assertEquals(missing + ": cannot write: directory " + missing.getParent() + " does not exist",
        assertThrows(DescentException.class, () -> w.writeTo(missing)).getMessage());
  }

  @Test
  void rewritingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("r.safetensors");
    new SafeTensorsWriter().add("v", new long[] {1}, 1).writeTo(file);
    new SafeTensorsWriter().add("v", new long[] {2}, 1).writeTo(file);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertArrayEquals(new long[] {2}, f.longs("v"));
    }
    try (var entries = Files.list(dir)) {
      assertEquals(List.of(file), entries.toList());
    }
  }

  /** Bytes from the reference implementation's tests (huggingface/safetensors, safetensors/src/tensor.rs). */
  @Test
  void readsTheReferenceImplementationsTestVectors() {
    int[] serialization = {64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100,
        116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34,
        58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115,
        101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
        0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64};
    try (SafeTensorsFile f = SafeTensorsFile.open(SafeTensorsBytes.write(dir, "s.safetensors", bytes(serialization)))) {
      assertEquals(List.of("attn.0"), new ArrayList<>(f.names()));
      assertArrayEquals(new long[] {1, 2, 3}, f.shape("attn.0"));
      assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, f.floats("attn.0"));
      assertEquals(Map.of(), f.metadata());
      assertEquals(false, f.verifyChecksum(), "no Descent checksum to verify");
    }
    int[] aligned = {72, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 48, 34, 58, 123, 34, 100, 116,
        121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58,
        91, 49, 44, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102,
        115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 32, 32, 32, 32, 32,
        32, 32, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0,
        160, 64};
    try (SafeTensorsFile f = SafeTensorsFile.open(SafeTensorsBytes.write(dir, "a.safetensors", bytes(aligned)))) {
      assertArrayEquals(new long[] {1, 1, 2, 3}, f.shape("attn0"));
      assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, f.floats("attn0"));
    }
    int[] empty = {8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32};
    try (SafeTensorsFile f = SafeTensorsFile.open(SafeTensorsBytes.write(dir, "e.safetensors", bytes(empty)))) {
      assertEquals(0, f.names().size());
    }
    int[] framework = {40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97, 116, 97, 95,
        95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58, 34, 112,
        116, 34, 125, 125, 32, 32, 32, 32, 32};
    try (SafeTensorsFile f = SafeTensorsFile.open(SafeTensorsBytes.write(dir, "f.safetensors", bytes(framework)))) {
      assertEquals(Map.of("framework", "pt"), f.metadata());
    }
  }

  private static byte[] bytes(int[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** A file laid out like the reference writer's, made with NumPy by src/test/python/io_interop.py. */
  @Test
  void readsTheFileNumpyWrote() throws IOException {
    Path file = dir.resolve("numpy_written.safetensors");
    try (InputStream in = getClass().getResourceAsStream("numpy_written.safetensors")) {
      Files.copy(in, file);
    }
    String expected;
    try (InputStream in = getClass().getResourceAsStream("numpy_written.expected")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    InteropRecords records = new InteropRecords(expected);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      records.assertMatches(f);
      assertEquals(List.of("emb.\uD83D\uDE42", "layer.0/Gewichte_\u00e4", "scalar", "dense.bias", "dense.weight", "empty",
          "steps", "half", "mask"), new ArrayList<>(f.names()), "file order");
      assertEquals("F16", f.dtype("half"));
      assertEquals(file + ": tensor \"half\" is F16, but floats() reads F32",
          assertThrows(DescentException.class, () -> f.floats("half")).getMessage());
    }
  }

  @Test
  void neitherSideCopiesTheDataSection() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    float[] big = new float[8 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = i;
    }
    Path file = dir.resolve("big.safetensors");
    SafeTensorsWriter writer = new SafeTensorsWriter().add("big", big, big.length);
    writer.writeTo(dir.resolve("warm-up.safetensors"));
    long before = threads.getThreadAllocatedBytes(id);
    writer.writeTo(file);
    long writing = threads.getThreadAllocatedBytes(id) - before;
    before = threads.getThreadAllocatedBytes(id);
    SafeTensorsFile f = SafeTensorsFile.open(file);
    long opening = threads.getThreadAllocatedBytes(id) - before;
    before = threads.getThreadAllocatedBytes(id);
    float[] back = f.floats("big");
    long reading = threads.getThreadAllocatedBytes(id) - before;
    f.close();
    int data = 4 * big.length;
    assertTrue(writing < 2 << 20, "writing " + data + " bytes allocated " + writing);
    assertTrue(opening < 2 << 20, "opening and verifying " + data + " bytes allocated " + opening);
    assertTrue(reading < data + (2 << 20), "reading " + data + " bytes allocated " + reading);
    assertArrayEquals(big, back);
  }
}
