package dev.descent.io;

import dev.descent.DescentException;
import java.util.Arrays;

/** The check the file builders share: a shape's dimensions are non-negative and hold exactly the values given. */
final class ArrayShapes {
  private ArrayShapes() {}

  /**
   * Checks that {@code shape} (empty for a scalar, which holds one value) has no negative
   * dimension, that its product d0·d1·… fits in 63 bits, and that it equals {@code length}; the
   * error starts with {@code label}.
   */
  static void require(String label, long[] shape, int length) {
    long count = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new DescentException(label + ": shape " + Arrays.toString(shape) + " has a negative dimension");
      }
      count = d == 0 || count == 0 ? 0 : (count > Long.MAX_VALUE / d ? -1 : count * d);
      if (count < 0) {
        throw new DescentException(label + ": shape " + Arrays.toString(shape) + " has more than 2^63 elements");
      }
    }
    if (count != length) {
      throw new DescentException(label + ": shape " + Arrays.toString(shape) + " holds " + count
          + (count == 1 ? " value" : " values") + ", but " + length + (length == 1 ? " was" : " were") + " given");
    }
  }
}
