package dev.descent.lab.testing;

import dev.descent.data.IdxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small Fashion-MNIST look-alike in the four IDX files the real set uses: 28 × 28
 * unsigned-byte images of ten classes, class c a bright horizontal band at rows 2c + 3 to
 * 2c + 6 on a noisy background, so a network can learn it in an epoch.
 */
public final class SyntheticImages {
  private SyntheticImages() {}

  /** Writes {@code train} training and {@code test} test images into {@code dir} (images gzipped, labels plain). */
  public static void write(Path dir, int train, int test, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    write(dir, "train", train, random);
    write(dir, "t10k", test, random);
  }

  private static void write(Path dir, String prefix, int n, SplittableRandom random) throws IOException {
    byte[] pixels = new byte[n * 784];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = i % 10;
      labels[i] = (byte) c;
      for (int p = 0; p < 784; p++) {
        int row = p / 28;
        boolean band = row >= 2 * c + 3 && row < 2 * c + 7;
        int v = (band ? 150 : 30) + random.nextInt(90);
        pixels[i * 784 + p] = (byte) Math.min(255, v);
      }
    }
    IdxReader.writeUnsignedBytes(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {n, 28, 28}, pixels);
    IdxReader.writeUnsignedBytes(dir.resolve(prefix + "-labels-idx1-ubyte"), new int[] {n}, labels);
  }
}
