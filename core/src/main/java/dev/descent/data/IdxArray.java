package dev.descent.data;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array read from an IDX file by {@link IdxReader}: its element type, its
 * dimensions (the first one counts the items, such as 60,000 images of 28 × 28) and its values,
 * kept in their stored form (one byte per pixel for MNIST) and widened on access. Immutable and
 * thread-safe.
 */
public final class IdxArray {
  private final IdxType type;
  private final int[] dims;
  private final ByteBuffer data;

  IdxArray(IdxType type, int[] dims, ByteBuffer data) {
    this.type = type;
    this.dims = dims.clone();
    this.data = data.asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
  }

  /** The element type. */
  public IdxType type() {
    return type;
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** The number of items: the first dimension. */
  public int items() {
    return dims[0];
  }

  /** The number of values per item: the product of every dimension but the first. */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < dims.length; i++) {
      size *= dims[i];
    }
    return size;
  }

  /** The total number of values. */
  public long size() {
    return (long) items() * itemSize();
  }

  /** Value {@code i} of the flat row-major array, widened to double (unsigned bytes as 0..255). */
  public double get(int i) {
    return switch (type) {
      case UNSIGNED_BYTE -> data.get(i) & 0xFF;
      case SIGNED_BYTE -> data.get(i);
      case SHORT -> data.getShort(2 * i);
      case INT -> data.getInt(4 * i);
      case FLOAT -> data.getFloat(4 * i);
      case DOUBLE -> data.getDouble(8 * i);
    };
  }

  /**
   * The values as an {@code [items, itemSize]} matrix in {@code dtype}, each multiplied by
   * {@code scale} (1/255 maps MNIST pixels to [0, 1]).
   */
  public Tensor toMatrix(DType dtype, double scale) {
    Tensor t = Tensor.zeros(dtype, items(), itemSize());
    int n = t.size();
    for (int i = 0; i < n; i++) {
      t.set(i, get(i) * scale);
    }
    return t;
  }

  @Override
  public String toString() {
    return "IdxArray" + Arrays.toString(dims) + " of " + type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
