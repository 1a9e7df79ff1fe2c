package dev.descent.optimizers.clip;

import dev.descent.optimizers.parallel.ParallelRanges;
import dev.descent.concurrent.RangeBody;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;

/**
 * The in-place passes of the clippers over one gradient tensor, split over the cores for large
 * tensors: scaling by a coefficient, or clamping to [−v, v] while finding the largest absolute
 * entry. Allocation-free after construction. Not thread-safe: one per clipper.
 */
final class ElementwisePass implements RangeBody {
  private final double[] largest = new double[ParallelRanges.workers()];
  private float[] f;
  private double[] d;
  private boolean clamp;
  private double value;

  /** g ← c·g. */
  void scale(Tensor grad, double coefficient) {
    run(grad, false, coefficient);
  }

  /** g ← clamp(g, −v, v); returns the largest |g| before clamping. */
  double clamp(Tensor grad, double bound) {
    java.util.Arrays.fill(largest, 0);
    run(grad, true, bound);
    double max = 0;
    for (double m : largest) {
      max = Math.max(max, m);
    }
    return max;
  }

  private void run(Tensor grad, boolean clamp, double value) {
    this.clamp = clamp;
    this.value = value;
    if (grad.dtype() == DType.FLOAT32) {
      f = grad.floats();
    } else {
      d = grad.doubles();
    }
    try {
      ParallelRanges.run(grad.size(), this);
    } finally {
      f = null;
      d = null;
    }
  }

  @Override
  public void run(int from, int to, int worker) {
    double v = value;
    if (!clamp) {
      if (f != null) {
        float c = (float) v;
        for (int i = from; i < to; i++) {
          f[i] *= c;
        }
      } else {
        for (int i = from; i < to; i++) {
          d[i] *= v;
        }
      }
      return;
    }
    double max = 0;
    if (f != null) {
      float hi = (float) v;
      for (int i = from; i < to; i++) {
        float x = f[i];
        max = Math.max(max, Math.abs(x));
        f[i] = Math.min(Math.max(x, -hi), hi);
      }
    } else {
      for (int i = from; i < to; i++) {
        double x = d[i];
        max = Math.max(max, Math.abs(x));
        d[i] = Math.min(Math.max(x, -v), v);
      }
    }
    largest[worker] = Math.max(largest[worker], max);
  }
}
