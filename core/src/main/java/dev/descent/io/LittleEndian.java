package dev.descent.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Moves primitive arrays to and from little-endian bytes in chunks of {@link #CHUNK} bytes, through
 * one reusable buffer per call: never a copy of a whole array. Stateless.
 */
final class LittleEndian {
  /** The chunk size: a multiple of 8, so no element straddles two chunks. */
  static final int CHUNK = 1 << 16;

  private LittleEndian() {}

  /** Receives each chunk read, positioned at 0, little-endian, with as many bytes as were read. */
  @FunctionalInterface
  interface ChunkConsumer {
    void accept(ByteBuffer chunk);
  }

  /** The number of bytes {@code array} (float[], double[], long[], int[] or byte[]) encodes to. */
  static long byteLength(Object array) {
    return (long) width(array) * Array.getLength(array);
  }

  /** Writes {@code array} (float[], double[], long[], int[] or byte[]) to {@code out}, little-endian. */
  static void write(Object array, OutputStream out) throws IOException {
    if (array instanceof byte[] a) {
      out.write(a);
      return;
    }
    int width = width(array);
    int length = Array.getLength(array);
    int perChunk = CHUNK / width;
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    byte[] bytes = buffer.array();
    for (int i = 0; i < length; i += perChunk) {
      int n = Math.min(perChunk, length - i);
      buffer.clear();
      put(array, i, n, buffer);
      out.write(bytes, 0, width * n);
    }
  }

  /** Bytes per element of {@code array}. */
  private static int width(Object array) {
    if (array instanceof float[] || array instanceof int[]) {
      return 4;
    }
    if (array instanceof double[] || array instanceof long[]) {
      return 8;
    }
    if (array instanceof byte[]) {
      return 1;
    }
    throw new IllegalArgumentException("not a supported array: " + array.getClass());
  }

  /** Puts elements {@code from … from+n−1} of a float[], double[], long[] or int[] at the start of {@code buffer}. */
  private static void put(Object array, int from, int n, ByteBuffer buffer) {
    if (array instanceof float[] a) {
      buffer.asFloatBuffer().put(a, from, n);
    } else if (array instanceof double[] a) {
      buffer.asDoubleBuffer().put(a, from, n);
    } else if (array instanceof long[] a) {
      buffer.asLongBuffer().put(a, from, n);
    } else {
      buffer.asIntBuffer().put((int[]) array, from, n);
    }
  }

  /**
   * Reads {@code length} bytes of {@code channel} from {@code position} and hands them to
   * {@code consumer} chunk by chunk. A file that ends early is a {@link FileFormatException} at the
   * byte where it ends, naming {@code what} was being read.
   */
  static void read(FileChannel channel, Path file, long position, long length, String what, ChunkConsumer consumer)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(length, 8))).order(ByteOrder.LITTLE_ENDIAN);
    long done = 0;
    while (done < length) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), length - done));
      while (buffer.hasRemaining()) {
        long at = position + done + buffer.position();
        if (channel.read(buffer, at) < 0) {
          throw FileFormatException.atByte(file, at, "the file ends while reading " + what
              + " (was it truncated after it was opened?)");
        }
      }
      buffer.flip();
      consumer.accept(buffer);
      done += buffer.limit();
    }
  }
}
