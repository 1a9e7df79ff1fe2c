package dev.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Transposes} against the definition written out element by element, with offsets and
 * strides on either side, on shapes with one row, one column, under a tile, and past several tiles;
 * elements outside the destination matrix (before it and in its rows' padding) stay as they were.
 */
class TransposesTest {
  private static final int[][] SHAPES = {{1, 1}, {1, 37}, {37, 1}, {2, 300}, {300, 2}, {3, 2}, {5, 16}, {17, 33}, {40, 41}};

  @Test
  void doublesMoveToTheirTransposedPlaceAndNothingElseChanges() {
    SplittableRandom random = new SplittableRandom(4);
    for (int[] shape : SHAPES) {
      int rows = shape[0];
      int cols = shape[1];
      for (int[] layout : new int[][] {{0, cols, 0, rows}, {6, cols + 3, 5, rows + 8}}) {
        int fromOff = layout[0];
        int fromStride = layout[1];
        int toOff = layout[2];
        int toStride = layout[3];
        double[] from = random.doubles(fromOff + rows * fromStride).toArray();
        double[] to = random.doubles(toOff + cols * toStride).toArray();
        double[] expected = to.clone();
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            expected[toOff + c * toStride + r] = from[fromOff + r * fromStride + c];
          }
        }
        Transposes.transpose(from, fromOff, fromStride, rows, cols, to, toOff, toStride);
        assertArrayEquals(expected, to, rows + "×" + cols + " " + java.util.Arrays.toString(layout));
      }
    }
  }

  @Test
  void floatsMoveToTheirTransposedPlaceAndNothingElseChanges() {
    SplittableRandom random = new SplittableRandom(5);
    for (int[] shape : SHAPES) {
      int rows = shape[0];
      int cols = shape[1];
      for (int[] layout : new int[][] {{0, cols, 0, rows}, {12, cols + 5, 3, rows + 16}}) {
        int fromOff = layout[0];
        int fromStride = layout[1];
        int toOff = layout[2];
        int toStride = layout[3];
        float[] from = new float[fromOff + rows * fromStride];
        float[] to = new float[toOff + cols * toStride];
        for (int i = 0; i < from.length; i++) {
          from[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < to.length; i++) {
          to[i] = (float) random.nextGaussian();
        }
        float[] expected = to.clone();
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            expected[toOff + c * toStride + r] = from[fromOff + r * fromStride + c];
          }
        }
        Transposes.transpose(from, fromOff, fromStride, rows, cols, to, toOff, toStride);
        assertArrayEquals(expected, to, rows + "×" + cols + " " + java.util.Arrays.toString(layout));
      }
    }
  }
}
