package dev.descent.io;

import java.io.IOException;
import java.io.OutputStream;
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
    if (array instanceof float[] a) {
      return 4L * a.length;
    } else if (array instanceof double[] a) {
      return 8L * a.length;
    } else if (array instanceof long[] a) {
      return 8L * a.length;
    } else if (array instanceof int[] a) {
      return 4L * a.length;
    } else if (array instanceof byte[] a) {
      return a.length;
    }
    throw new IllegalArgumentException("not a supported array: " + array.getClass());
  }

  /** Writes {@code array} (float[], double[], long[], int[] or byte[]) to {@code out}, little-endian. */
  static void write(Object array, OutputStream out) throws IOException {
    if (array instanceof byte[] a) {
      out.write(a);
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    byte[] bytes = buffer.array();
    if (array instanceof float[] a) {
      for (int i = 0; i < a.length; i += CHUNK / 4) {
        int n = Math.min(CHUNK / 4, a.length - i);
        buffer.clear();
        buffer.asFloatBuffer().put(a, i, n);
        out.write(bytes, 0, 4 * n);
      }
    } else if (array instanceof double[] a) {
      for (int i = 0; i < a.length; i += CHUNK / 8) {
        int n = Math.min(CHUNK / 8, a.length - i);
        buffer.clear();
        buffer.asDoubleBuffer().put(a, i, n);
        out.write(bytes, 0, 8 * n);
      }
    } else if (array instanceof long[] a) {
      for (int i = 0; i < a.length; i += CHUNK / 8) {
        int n = Math.min(CHUNK / 8, a.length - i);
        buffer.clear();
        buffer.asLongBuffer().put(a, i, n);
        out.write(bytes, 0, 8 * n);
      }
    } else if (array instanceof int[] a) {
      for (int i = 0; i < a.length; i += CHUNK / 4) {
        int n = Math.min(CHUNK / 4, a.length - i);
        buffer.clear();
        buffer.asIntBuffer().put(a, i, n);
        out.write(bytes, 0, 4 * n);
      }
    } else {
      throw new IllegalArgumentException("not a supported array: " + array.getClass());
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
