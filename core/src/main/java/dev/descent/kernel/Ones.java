package dev.descent.kernel;

import java.util.Arrays;

/**
 * Rows of ones, shared read-only by every thread: the left operand of a sum written as a product,
 * 1ᵀ·B ({@link MatrixKernels#gemmWithColumnSums}). Each array is filled before it is published
 * through a volatile field and never written again; a longer one replaces it when a longer row is
 * asked for, so a training step that asks for the same length allocates nothing.
 */
final class Ones {
  private static volatile float[] floats = new float[0];
  private static volatile double[] doubles = new double[0];

  private Ones() {}

  /** At least {@code length} ones (the array may be longer; callers read the first {@code length}). */
  static float[] floats(int length) {
    float[] ones = floats;
    if (ones.length < length) {
      ones = new float[length];
      Arrays.fill(ones, 1f);
      floats = ones;
    }
    return ones;
  }

  /** At least {@code length} ones (the array may be longer; callers read the first {@code length}). */
  static double[] doubles(int length) {
    double[] ones = doubles;
    if (ones.length < length) {
      ones = new double[length];
      Arrays.fill(ones, 1d);
      doubles = ones;
    }
    return ones;
  }
}
