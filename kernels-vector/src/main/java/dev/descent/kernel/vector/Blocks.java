package dev.descent.kernel.vector;

/** How the packed path cuts a length into cache blocks. */
final class Blocks {
  private Blocks() {}

  /**
   * The block size that cuts {@code length} into as few blocks of at most {@code max} as possible,
   * made about equal and rounded up to a multiple of {@code step} (capped at {@code max}, itself a
   * multiple of {@code step}), so that no block is a thin remainder: 300 with max 256 gives two
   * blocks of 150, not 256 and 44.
   */
  static int even(int length, int max, int step) {
    int blocks = (length + max - 1) / max;
    int size = (length + blocks - 1) / blocks;
    return Math.min(max, (size + step - 1) / step * step);
  }

  /** {@code length} rounded up to a multiple of {@code step}. */
  static int roundUp(int length, int step) {
    return (length + step - 1) / step * step;
  }
}
