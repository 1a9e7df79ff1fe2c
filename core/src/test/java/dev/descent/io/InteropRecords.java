package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records that src/test/python/io_interop.py prints (see its docstring): which reader ran,
 * the metadata, the CRC-32C of the data section, and every tensor's name, dtype, shape and values.
 * Strings arrive as hex of their UTF-8 bytes; floats as Python's float.hex(), "inf", "-inf" or
 * "nan:" and the raw bits.
 */
final class InteropRecords {
  /** One tensor as Python saw it. */
  record TensorRecord(String name, String dtype, long[] shape, String[] values) {}

  final String reader;
  final Map<String, String> metadata = new LinkedHashMap<>();
  final String crc32c;
  final Map<String, TensorRecord> tensors = new LinkedHashMap<>();

  InteropRecords(String output) {
    String readerName = null;
    String crc = null;
    for (String line : output.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "reader" -> readerName = f[1];
        case "meta" -> metadata.put(utf8(f[1]), utf8(f[2]));
        case "crc32c" -> crc = f[1];
        case "tensor" -> {
          long[] shape = f[3].isEmpty() ? new long[0]
              : java.util.Arrays.stream(f[3].split(",")).mapToLong(Long::parseLong).toArray();
          String[] values = f[4].isEmpty() ? new String[0] : f[4].split(" ");
          tensors.put(utf8(f[1]), new TensorRecord(utf8(f[1]), f[2], shape, values));
        }
        default -> throw new AssertionError("unexpected line from io_interop.py: " + line);
      }
    }
    this.reader = readerName;
    this.crc32c = crc;
  }

  private static String utf8(String hex) {
    return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
  }

  /** Asserts that {@code file} holds exactly these tensors and metadata, every value bit for bit. */
  void assertMatches(SafeTensorsFile file) {
    assertEquals(metadata, file.metadata(), "metadata");
    assertEquals(new ArrayList<>(tensors.keySet()).stream().sorted().toList(),
        file.names().stream().sorted().toList(), "names");
    for (TensorRecord t : tensors.values()) {
      assertEquals(t.dtype(), file.dtype(t.name()), t.name());
      assertArrayEquals(t.shape(), file.shape(t.name()), t.name());
      switch (t.dtype()) {
        case "F32" -> assertFloats(t, file.floats(t.name()));
        case "F64" -> assertDoubles(t, file.doubles(t.name()));
        case "I64" -> assertLongs(t, file.longs(t.name()));
        case "I32" -> assertLongs(t, java.util.Arrays.stream(file.ints(t.name())).asLongStream().toArray());
        case "U8" -> {
          byte[] bytes = file.bytes(t.name());
          long[] unsigned = new long[bytes.length];
          for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = bytes[i] & 0xFF;
          }
          assertLongs(t, unsigned);
        }
        default -> { } // Types without an array accessor: dtype and shape are checked above.
      }
    }
  }

  static void assertFloats(TensorRecord t, float[] actual) {
    assertEquals(t.values().length, actual.length, t.name());
    for (int i = 0; i < actual.length; i++) {
      String token = t.values()[i];
      if (token.startsWith("nan:")) {
        assertEquals(Integer.parseUnsignedInt(token.substring(4), 16), Float.floatToRawIntBits(actual[i]), t.name() + "[" + i + "]");
      } else {
        assertEquals(Double.doubleToRawLongBits(number(token)), Double.doubleToRawLongBits(actual[i]), t.name() + "[" + i + "]");
      }
    }
  }

  static void assertDoubles(TensorRecord t, double[] actual) {
    assertEquals(t.values().length, actual.length, t.name());
    for (int i = 0; i < actual.length; i++) {
      String token = t.values()[i];
      long expected = token.startsWith("nan:") ? Long.parseUnsignedLong(token.substring(4), 16)
          : Double.doubleToRawLongBits(number(token));
      assertEquals(expected, Double.doubleToRawLongBits(actual[i]), t.name() + "[" + i + "]");
    }
  }

  static void assertLongs(TensorRecord t, long[] actual) {
    long[] expected = java.util.Arrays.stream(t.values()).mapToLong(Long::parseLong).toArray();
    assertArrayEquals(expected, actual, t.name());
  }

  /** Python's float.hex() text, "inf" or "-inf", as a double (Java reads hexadecimal floating point). */
  static double number(String token) {
    return switch (token) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        assertTrue(token.contains("0x"), token);
        yield Double.parseDouble(token);
      }
    };
  }

  /** Every tensor name, for messages. */
  List<String> names() {
    return new ArrayList<>(tensors.keySet());
  }
}
