package dev.descent.nn;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;

/**
 * A reusable {@code [rows, cols]} buffer that keeps the tensors of the last four shapes it served,
 * so an epoch of full mini-batches, one shorter final batch and a held-out evaluation allocate
 * nothing after the first epoch. Not thread-safe.
 */
public final class BatchBuffer {
  private static final int SLOTS = 4;
  private final Tensor[] slots = new Tensor[SLOTS];

  /** A tensor of {@code [rows, cols]} and {@code dtype}, reused when a recent one fits. */
  public Tensor get(int rows, int cols, DType dtype) {
    for (int i = 0; i < SLOTS; i++) {
      Tensor t = slots[i];
      if (t != null && t.rows() == rows && t.cols() == cols && t.dtype() == dtype) {
        System.arraycopy(slots, 0, slots, 1, i);
        slots[0] = t;
        return t;
      }
    }
    System.arraycopy(slots, 0, slots, 1, SLOTS - 1);
    slots[0] = Tensor.zeros(dtype, rows, cols);
    return slots[0];
  }

  /** A buffer shaped and typed like {@code like}. */
  public Tensor like(Tensor like) {
    return get(like.rows(), like.cols(), like.dtype());
  }
}
