package dev.descent.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds safetensors files byte by byte for the tests, independently of SafeTensorsWriter. */
final class SafeTensorsBytes {
  private SafeTensorsBytes() {}

  /** The 8-byte little-endian length of {@code header}'s UTF-8 bytes, the header, then {@code data}. */
  static byte[] build(String header, byte[] data) {
    return build(header.getBytes(StandardCharsets.UTF_8), data);
  }

  /** The 8-byte little-endian length of {@code header}, the header bytes, then {@code data}. */
  static byte[] build(byte[] header, byte[] data) {
    return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(header.length).put(header).put(data).array();
  }

  /** Little-endian float32 bytes of {@code values}. */
  static byte[] f32(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  /** {@code bytes} written to {@code dir/name}. */
  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
