package dev.descent.train;

import java.util.Arrays;

/**
 * A growable sequence of doubles on one primitive array (no boxing). Appending is amortized
 * constant time and allocates only when the capacity doubles. Not thread-safe.
 */
public final class DoubleSeries {
  private double[] values;
  private int size;

  /** An empty series with room for {@code capacity} values. */
  public DoubleSeries(int capacity) {
    values = new double[Math.max(capacity, 4)];
  }

  /** An empty series. */
  public DoubleSeries() {
    this(16);
  }

  /** Appends {@code value}. */
  public void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = value;
  }

  /** Value {@code i}. */
  public double get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " of " + size);
    }
    return values[i];
  }

  /** The number of values. */
  public int size() {
    return size;
  }

  /** Whether there are no values. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The last value, or NaN when empty. */
  public double last() {
    return size == 0 ? Double.NaN : values[size - 1];
  }

  /** A copy of the values. */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
