package dev.descent.io;

import java.nio.file.Path;

/**
 * The child process of {@link AtomicFileTest#killedWritersNeverLeaveABrokenFile}: rewrites a 4 MiB
 * safetensors checkpoint through {@link AtomicFile} as fast as it can, each version with its own
 * content, and prints {@code wrote N} after each. It stops by itself after a minute in case the
 * test that started it is gone.
 */
public final class CrashingCheckpointWriter {
  static final int ROWS = 1024;
  static final int COLS = 1024;

  private CrashingCheckpointWriter() {}

  /** The value of element {@code i} in version {@code version}. */
  static float value(long version, int i) {
    return (float) ((version * 31 + i) % 1009);
  }

  /** Arguments: the target file and the first version number. */
  public static void main(String[] args) {
    Path target = Path.of(args[0]);
    long version = Long.parseLong(args[1]);
    float[] weights = new float[ROWS * COLS];
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < weights.length; i++) {
        weights[i] = value(version, i);
      }
      new SafeTensorsWriter()
          .metadata("version", Long.toString(version))
          .add("weights", weights, ROWS, COLS)
          .add("version", new long[] {version}, 1)
          .writeTo(target);
      System.out.println("wrote " + version);
      System.out.flush();
      version++;
    }
  }
}
