package dev.descent.optimizers;

import dev.descent.DescentException;
import dev.descent.tensor.DType;

/**
 * The state one {@link FusedOptimizer} keeps for one parameter: its step count, a few named
 * scalars (such as NAdam's running product of momentum coefficients) and named buffers with one
 * value per element (such as Adam's {@code exp_avg}), stored in the parameter's own precision.
 *
 * <p>A slot is created on the parameter's first step, or from an {@link
 * dev.descent.optim.OptimizerState} by {@code restore}; a restored slot holds float64 buffers until
 * the parameter is next seen, when they are narrowed (exactly, since they were widened from it) to
 * the parameter's dtype. Not thread-safe.
 */
public final class ParameterSlot {
  private final String name;
  private int size;
  private DType dtype;
  private float[][] floats;
  private double[][] doubles;
  private final double[] scalars;
  private long step;

  ParameterSlot(String name, int size, DType dtype, int buffers, int scalars) {
    this.name = name;
    this.size = size;
    this.dtype = dtype;
    if (dtype == DType.FLOAT32) {
      floats = new float[buffers][size];
    } else {
      doubles = new double[buffers][size];
    }
    this.scalars = new double[scalars];
  }

  /**
   * A slot restored from a snapshot, bound to a dtype when the parameter is next stepped; {@code
   * size} is −1 when no saved buffer tells it, and missing (working-space) buffers are {@code null}.
   */
  ParameterSlot(String name, int size, double[][] buffers, double[] scalars, long step) {
    this.name = name;
    this.size = size;
    this.doubles = buffers;
    this.scalars = scalars;
    this.step = step;
  }

  /** The parameter's name. */
  public String name() {
    return name;
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The number of steps taken, including the one in progress during an update. */
  public long step() {
    return step;
  }

  /** Scalar {@code index}, in the order the optimizer declared its scalar names. */
  public double scalar(int index) {
    return scalars[index];
  }

  /** Sets scalar {@code index}. */
  public void setScalar(int index, double value) {
    scalars[index] = value;
  }

  DType dtype() {
    return dtype;
  }

  float[][] floats() {
    return floats;
  }

  double[][] doubles() {
    return doubles;
  }

  int bufferCount() {
    return dtype == DType.FLOAT32 ? floats.length : doubles.length;
  }

  void advance() {
    step++;
  }

  /** Checks this slot fits a parameter of {@code size} and {@code dtype}, narrowing restored buffers. */
  void bind(int size, DType dtype, String optimizer) {
    if (this.dtype == null) {
      if (this.size >= 0 && this.size != size) {
        throw new DescentException(String.format(
            "%s: the restored state of parameter '%s' has %d values but the parameter has %d",
            optimizer, name, this.size, size));
      }
      this.size = size;
      this.dtype = dtype;
      for (int b = 0; b < doubles.length; b++) {
        if (doubles[b] == null || doubles[b].length != size) {
          doubles[b] = new double[size];
        }
      }
      if (dtype == DType.FLOAT32) {
        floats = new float[doubles.length][];
        for (int b = 0; b < doubles.length; b++) {
          floats[b] = new float[size];
          for (int i = 0; i < size; i++) {
            floats[b][i] = (float) doubles[b][i];
          }
        }
        doubles = null;
      }
    } else if (this.size != size || this.dtype != dtype) {
      throw new DescentException(String.format(
          "%s: parameter '%s' changed from %d %s values to %d %s values since the optimizer first saw it",
          optimizer, name, this.size, this.dtype.label(), size, dtype.label()));
    }
  }

  /** Buffer {@code index} widened to a new double array. */
  double[] widened(int index) {
    if (doubles != null) {
      return doubles[index].clone();
    }
    float[] f = floats[index];
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  double[] scalarsCopy() {
    return scalars.clone();
  }
}
