package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a safetensors file can be malformed, each built byte by byte, each answered with one
 * exact one-line message. Header positions are computed from the header text the test builds
 * (byte offset from the start of the header, 1-based line and column).
 */
class SafeTensorsValidationTest {
  private static final String W = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

  @TempDir Path dir;

  /** The message of opening {@code bytes} written as t.safetensors, without the leading file name. */
  private String error(byte[] bytes) {
    return error(bytes, SafeTensorsLimits.DEFAULT);
  }

  private String error(byte[] bytes, SafeTensorsLimits limits) {
    Path file = SafeTensorsBytes.write(dir, "t.safetensors", bytes);
    FileFormatException e = assertThrows(FileFormatException.class, () -> SafeTensorsFile.open(file, limits).close());
    String prefix = file + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertEquals(file, e.file());
    assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    return e.getMessage().substring(prefix.length());
  }

  private String error(String header, byte[] data) {
    return error(SafeTensorsBytes.build(header, data));
  }

  /** The expected position prefix for character {@code offset} of a one-line ASCII header. */
  private static String at(int offset) {
    return "header byte " + offset + " (line 1, column " + (offset + 1) + "): ";
  }

  @Test
  void aValidFileOpens() {
    Path file = SafeTensorsBytes.write(dir, "ok.safetensors", SafeTensorsBytes.build(W, SafeTensorsBytes.f32(1, 2)));
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(java.util.Set.of("w"), f.names());
      assertEquals(2f, f.floats("w")[1]);
    }
  }

  @Test
  void fileShorterThanTheLengthField() {
    assertEquals("the file is 5 bytes long, too short for a safetensors file (it starts with an 8-byte header length)",
        error(new byte[5]));
    assertEquals("the file is 0 bytes long, too short for a safetensors file (it starts with an 8-byte header length)",
        error(new byte[0]));
  }

  @Test
  void headerLengthBeyondTheLimitOrTheFile() {
    byte[] allOnes = new byte[16];
    java.util.Arrays.fill(allOnes, (byte) 0xFF);
    assertEquals("byte 0: header length 18446744073709551615 exceeds the limit of 100000000 bytes", error(allOnes));
    byte[] justOver = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001L).array();
    assertEquals("byte 0: header length 100000001 exceeds the limit of 100000000 bytes", error(justOver));
    byte[] pastEnd = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array();
    assertEquals("byte 0: header length 1000 runs past the end of the file (only 12 bytes follow the 8-byte length)",
        error(pastEnd));
    SafeTensorsLimits small = new SafeTensorsLimits(16, JsonLimits.DEFAULT);
    assertEquals("byte 0: header length " + W.length() + " exceeds the limit of 16 bytes",
        error(SafeTensorsBytes.build(W, SafeTensorsBytes.f32(1, 2)), small));
  }

  @Test
  void aTextFileIsRecognisedAsNoSafetensorsFile() {
    assertEquals("byte 0: header length 734698278355545208 exceeds the limit of 100000000 bytes; the file starts "
        + "with the text \"x,y\\u000a1,2\\u000a\": not a safetensors file",
        error("x,y\n1,2\n3,4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertEquals("byte 0: header length 2314885530818453536 exceeds the limit of 100000000 bytes; the file starts "
        + "with the text \"        \": not a safetensors file", error("          {}".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @Test
  void headerNotUtf8() {
    byte[] header = {'{', '"', 'a', (byte) 0xC3, '(', '"', ':', '1', '}'};
    assertEquals("header byte 3 (file byte 11): not valid UTF-8 (byte 0xC3)", error(SafeTensorsBytes.build(header, new byte[0])));
    byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0x80, '"', ':', '1', '}'};
    assertEquals("header byte 2 (file byte 10): not valid UTF-8 (byte 0xC0)", error(SafeTensorsBytes.build(overlong, new byte[0])));
    byte[] surrogate = {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'};
    assertEquals("header byte 2 (file byte 10): not valid UTF-8 (byte 0xED)", error(SafeTensorsBytes.build(surrogate, new byte[0])));
  }

  @Test
  void headerNotJson() {
    assertEquals(at(0) + "unexpected 'h', expected a value", error("hello", new byte[0]));
    assertEquals(at(0) + "unexpected end of text, expected a value", error("", new byte[0]));
    assertEquals(at(3) + "unexpected 'x' after the end of the JSON value", error("{} x", new byte[0]));
    assertEquals(at(2) + "unexpected U+0000 after the end of the JSON value", error("{}\0\0\0\0\0\0", new byte[0]));
    assertEquals(at(8) + "unexpected '}', expected '\"' (an object key)", error("{\"w\": 1,}", new byte[0]));
  }

  @Test
  void jsonErrorsCountHeaderBytesAndLines() {
    // "ä" is two bytes in UTF-8 and one character; the error sits on line 2.
    String header = "{\"ä\": {},\n \"ä\": {}}";
    assertEquals("header byte 12 (line 2, column 2): duplicate key \"ä\"", error(header, new byte[0]));
  }

  @Test
  void headerNotAnObject() {
    assertEquals(at(0) + "the header is an array, not a JSON object", error("[1,2]", new byte[0]));
    assertEquals(at(0) + "the header is the string \"x\", not a JSON object", error("\"x\"", new byte[0]));
  }

  @Test
  void jsonBombsAreStoppedByTheLimits() {
    String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
    assertEquals(at(5 + 63) + "nesting deeper than 64 levels", error(deep, new byte[0]));

    JsonLimits json = new JsonLimits(64, 1000, 100, 1_000_000);
    SafeTensorsLimits limits = new SafeTensorsLimits(100_000_000, json);
    // Values counted: the root, the tensor object, "F32", the shape array, then its elements;
    // the 101st value is shape element 96.
    String prefix = "{\"w\":{\"dtype\":\"F32\",\"shape\":[";
    String huge = prefix + "1,".repeat(199) + "1],\"data_offsets\":[0,4]}}";
    assertEquals(at(prefix.length() + 2 * 96) + "more than 100 values", error(SafeTensorsBytes.build(huge, new byte[4]), limits));

    String giant = "{\"" + "n".repeat(2000) + "\":{}}";
    assertEquals(at(1) + "string longer than 1000 characters", error(SafeTensorsBytes.build(giant, new byte[0]), limits));
  }

  @Test
  void duplicateNames() {
    String header = "{\"0.weight\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
        + "\"0.weight\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}";
    assertEquals(at(header.lastIndexOf("\"0.weight\"")) + "duplicate key \"0.weight\"", error(header, new byte[2]));
  }

  @Test
  void badTensorEntries() {
    assertEquals(at(5) + "tensor \"w\" is the number 5, not an object", error("{\"w\":5}", new byte[0]));
    String extra = "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1],\"extra\":1}}";
    assertEquals(at(extra.indexOf("1}")) + "tensor \"w\": unknown member \"extra\" (a tensor has dtype, shape and data_offsets)",
        error(extra, new byte[1]));
    String missing = "{\"w\":{\"dtype\":\"U8\",\"data_offsets\":[0,1]}}";
    assertEquals(at(5) + "tensor \"w\": missing \"shape\"", error(missing, new byte[1]));
  }

  @Test
  void unknownOrMistypedDtype() {
    String unknown = "{\"w\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,16]}}";
    assertEquals(at(unknown.indexOf("\"F128\"")) + "tensor \"w\": unknown dtype \"F128\"; known dtypes: BOOL, U8, I8, "
        + "F8_E5M2, F8_E4M3, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64", error(unknown, new byte[16]));
    String number = "{\"w\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}";
    assertEquals(at(number.indexOf("32")) + "tensor \"w\": dtype is the number 32, not a string", error(number, new byte[4]));
  }

  private String shapeError(String shape) {
    String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[0,4]}}";
    return error(header, new byte[4]);
  }

  @Test
  void badShapes() {
    int s = "{\"w\":{\"dtype\":\"F32\",\"shape\":".length();
    String range = ", not an integer from 0 to 2^63 - 1";
    assertEquals(at(s + 1) + "tensor \"w\": shape entry 0 is -1" + range, shapeError("[-1,2]"));
    assertEquals(at(s + 3) + "tensor \"w\": shape entry 1 is 2.5" + range, shapeError("[1,2.5]"));
    assertEquals(at(s + 1) + "tensor \"w\": shape entry 0 is 1.0" + range, shapeError("[1.0]"));
    assertEquals(at(s + 1) + "tensor \"w\": shape entry 0 is 1.0E30" + range, shapeError("[1e30]"));
    assertEquals(at(s + 1) + "tensor \"w\": shape entry 0 is 1.8446744073709552E19" + range, shapeError("[18446744073709551616]"));
    assertEquals(at(s + 1) + "tensor \"w\": shape entry 0 is the string \"1\"" + range, shapeError("[\"1\"]"));
    assertEquals(at(s + 1) + "tensor \"w\": shape entry 0 is null" + range, shapeError("[null]"));
    assertEquals(at(s) + "tensor \"w\": shape is the number 3, not an array", shapeError("3"));
    assertEquals(at(s) + "tensor \"w\": shape [4294967296, 4294967296] is too large: its size in bytes overflows 64 bits",
        shapeError("[4294967296,4294967296]"));
    assertEquals(at(s) + "tensor \"w\": shape [9223372036854775807] is too large: its size in bytes overflows 64 bits",
        shapeError("[9223372036854775807]"));
  }

  @Test
  void badDataOffsets() {
    String p = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";
    int s = p.length();
    assertEquals(at(s) + "tensor \"w\": data_offsets must have 2 entries, got 1", error(p + "[0]}}", new byte[8]));
    assertEquals(at(s) + "tensor \"w\": data_offsets [8, 0]: begin is after end", error(p + "[8,0]}}", new byte[8]));
    assertEquals(at(s) + "tensor \"w\": data_offsets [0, 16] reach past the end of the data section (8 bytes)",
        error(p + "[0,16]}}", new byte[8]));
    assertEquals(at(s) + "tensor \"w\": data_offsets [0, 12] hold 12 bytes, but F32 [2] needs 8",
        error(p + "[0,12]}}", new byte[12]));
    assertEquals(at(s + 1) + "tensor \"w\": data_offsets entry 0 is -8, not an integer from 0 to 2^63 - 1",
        error(p + "[-8,0]}}", new byte[8]));
    assertEquals(at(s) + "tensor \"w\": data_offsets [9223372036854775799, 9223372036854775807] reach past the end of "
        + "the data section (8 bytes)", error(p + "[9223372036854775799,9223372036854775807]}}", new byte[8]));
  }

  @Test
  void overlapsAndGaps() {
    String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}";
    assertEquals(at(overlap.indexOf("[8,24]")) + "tensor \"b\": data_offsets [8, 24] overlap tensor \"a\" at [0, 16]",
        error(overlap, new byte[24]));
    String gap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}";
    assertEquals(at(gap.indexOf("[16,24]")) + "bytes [8, 16) of the data section, before tensor \"b\", belong to no tensor",
        error(gap, new byte[24]));
    String first = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
    assertEquals(at(first.indexOf("[4,12]")) + "bytes [0, 4) of the data section, before tensor \"a\", belong to no tensor",
        error(first, new byte[12]));
    // An empty tensor inside another one overlaps it; at a boundary it is fine.
    String inside = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"e\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,4]}}";
    assertEquals(at(inside.indexOf("[4,4]")) + "tensor \"e\": data_offsets [4, 4] overlap tensor \"a\" at [0, 8]",
        error(inside, new byte[8]));
    String trailing = W;
    assertEquals("byte " + (8 + W.length() + 8) + ": the last 4 bytes of the data section belong to no tensor",
        error(trailing, new byte[12]));
    assertEquals("byte 10: the last 3 bytes of the data section belong to no tensor", error("{}", new byte[3]));
  }

  @Test
  void emptyTensorsAtBoundariesAreValid() throws IOException {
    String header = "{\"e0\":{\"dtype\":\"F64\",\"shape\":[0,5],\"data_offsets\":[0,0]},"
        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"e1\":{\"dtype\":\"I64\",\"shape\":[3,0],\"data_offsets\":[8,8]},"
        + "\"e2\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[8,8]}}";
    Path file = SafeTensorsBytes.write(dir, "e.safetensors", SafeTensorsBytes.build(header, SafeTensorsBytes.f32(3, 4)));
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(java.util.List.of("e0", "a", "e1", "e2"), java.util.List.copyOf(f.names()));
      assertEquals(0, f.doubles("e0").length);
      assertEquals(0, f.longs("e1").length);
      assertEquals(4f, f.floats("a")[1]);
    }
  }

  @Test
  void badMetadata() {
    assertEquals(at(16) + "__metadata__ is an array, not an object of strings", error("{\"__metadata__\":[1]}", new byte[0]));
    assertEquals(at(21) + "__metadata__ entry \"k\" is the number 1, not a string", error("{\"__metadata__\":{\"k\":1}}", new byte[0]));
    String newer = "{\"__metadata__\":{\"descent.format_version\":\"2\",\"descent.checksum\":\"crc32c:00000000\"}}";
    assertEquals(at(newer.indexOf("\"2\"")) + "written by a newer Descent (format 2); this version reads format 1",
        error(newer, new byte[0]));
    String unknown = "{\"__metadata__\":{\"descent.format_version\":\"1.0\"}}";
    assertEquals(at(unknown.indexOf("\"1.0\"")) + "unknown descent.format_version \"1.0\"; this version reads format 1",
        error(unknown, new byte[0]));
    String noChecksum = "{\"__metadata__\":{\"descent.format_version\":\"1\"}}";
    assertEquals(at(16) + "__metadata__ has descent.format_version but no descent.checksum", error(noChecksum, new byte[0]));
    String badChecksum = "{\"__metadata__\":{\"descent.format_version\":\"1\",\"descent.checksum\":\"crc32c:xyz\"}}";
    assertEquals(at(badChecksum.indexOf("\"crc32c:xyz\"")) + "descent.checksum \"crc32c:xyz\" is not crc32c: followed by 8 "
        + "hexadecimal digits", error(badChecksum, new byte[0]));
  }

  @Test
  void checksumMismatch() throws IOException {
    Path file = dir.resolve("c.safetensors");
    new SafeTensorsWriter().add("w", new float[] {1, 2, 3, 4}, 2, 2).writeTo(file);
    byte[] bytes = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    String expected;
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      expected = f.metadata().get("descent.checksum");
    }
    bytes[bytes.length - 1] ^= 0x01;
    long start = 8 + headerLength;
    // CRC-32C of the corrupted data section, computed here with the JDK's CRC32C.
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, (int) start, bytes.length - (int) start);
    String actual = String.format("crc32c:%08x", crc.getValue());
    assertEquals("data section (file bytes " + start + " to " + bytes.length + "): checksum " + actual
        + " does not match the " + expected + " in the header; the file is corrupt", error(bytes));
    // Without verification on open the file opens, and verifyChecksum() reports the same.
    Path corrupt = SafeTensorsBytes.write(dir, "t.safetensors", bytes);
    try (SafeTensorsFile f = SafeTensorsFile.open(corrupt, SafeTensorsLimits.DEFAULT, false)) {
      FileFormatException e = assertThrows(FileFormatException.class, f::verifyChecksum);
      assertTrue(e.getMessage().endsWith("the file is corrupt"));
    }
  }

  @Test
  void ioErrorsNameTheFile() throws IOException {
    Path missing = dir.resolve("missing.safetensors");
    DescentException e = assertThrows(DescentException.class, () -> SafeTensorsFile.open(missing));
    assertEquals(missing + ": cannot read: no such file", e.getMessage());
    DescentException d = assertThrows(DescentException.class, () -> SafeTensorsFile.open(dir));
    assertEquals(dir + ": is a directory, not a safetensors file", d.getMessage());
  }

  @Test
  void accessorsNameTheTensorAndTheDtypes() {
    Path file = dir.resolve("a.safetensors");
    new SafeTensorsWriter().add("b", new float[] {1}, 1).add("a", new long[] {1}, 1).writeTo(file);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(file + ": no tensor \"nope\"; the file holds \"b\", \"a\"",
          assertThrows(DescentException.class, () -> f.floats("nope")).getMessage());
      assertEquals(file + ": tensor \"a\" is I64, but floats() reads F32",
          assertThrows(DescentException.class, () -> f.floats("a")).getMessage());
      assertEquals(file + ": tensor \"b\" is F32, but longs() reads I64",
          assertThrows(DescentException.class, () -> f.longs("b")).getMessage());
      assertEquals(file + ": tensor \"a\" is I64, but doubles() reads F64",
          assertThrows(DescentException.class, () -> f.doubles("a")).getMessage());
      assertEquals(file + ": tensor \"a\" is I64, but bytes() reads U8",
          assertThrows(DescentException.class, () -> f.bytes("a")).getMessage());
      assertEquals(file + ": tensor \"a\" is I64, but tensor() reads F32 or F64",
          assertThrows(DescentException.class, () -> f.tensor("a")).getMessage());
    }
  }

  @Test
  void readingAfterTheFileShrankIsAFormatError() throws IOException {
    Path file = dir.resolve("s.safetensors");
    new SafeTensorsWriter().add("w", new float[1000], 1000).writeTo(file);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
        channel.truncate(channel.size() - 100);
      }
      FileFormatException e = assertThrows(FileFormatException.class, () -> f.floats("w"));
      assertEquals(file + ": byte " + Files.size(file) + ": the file ends while reading tensor \"w\" (was it truncated "
          + "after it was opened?)", e.getMessage());
    }
  }

  @Test
  void limitsAreValidated() {
    assertEquals("SafeTensorsLimits.maxHeaderBytes must be from 2 to 2147483639, got 1",
        assertThrows(DescentException.class, () -> new SafeTensorsLimits(1, JsonLimits.DEFAULT)).getMessage());
    assertEquals("JsonLimits.maxDepth must be at least 1, got 0",
        assertThrows(DescentException.class, () -> new JsonLimits(0, 1, 1, 1)).getMessage());
  }

  @Test
  void utf8HeaderIsDecodedStrictlyButValidUtf8Passes() {
    String header = "{\"__metadata__\":{\"note\":\"Gewichte \u00e4 \uD83D\uDE42\"}}";
    Path file = SafeTensorsBytes.write(dir, "u.safetensors", SafeTensorsBytes.build(header, new byte[0]));
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals("Gewichte \u00e4 \uD83D\uDE42", f.metadata().get("note"));
      assertEquals(0, f.names().size());
    }
    assertEquals(header.getBytes(StandardCharsets.UTF_8).length, header.length() + 1 + 2);
  }
}
