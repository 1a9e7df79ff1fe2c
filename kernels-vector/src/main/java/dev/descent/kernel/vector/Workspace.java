package dev.descent.kernel.vector;

/**
 * Per-thread scratch buffers: the packed blocks of op(A) and op(B) and one micro-tile of C for the
 * packed path, the transposed copy of op(B) for the direct path (which reuses the B buffer; a
 * thread runs one product at a time), and the stored accumulators of the dot products (which reuse
 * the tile), for each element type.
 *
 * <p>A buffer is allocated on a thread's first packed product that needs it and grows, never
 * shrinks, to the largest block that thread has used; later products of that size or smaller
 * reuse it, so nothing is allocated in steady state. The largest buffers are bounded by
 * the block sizes of {@link FloatBlocked} and {@link DoubleBlocked} (a few MiB). Never shared
 * between threads.
 */
final class Workspace {
  private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

  private float[] floatA = new float[0];
  private float[] floatB = new float[0];
  private float[] floatTile = new float[0];
  private double[] doubleA = new double[0];
  private double[] doubleB = new double[0];
  private double[] doubleTile = new double[0];

  private Workspace() {}

  /** The calling thread's workspace. */
  static Workspace current() {
    return CURRENT.get();
  }

  /** A buffer of at least {@code size} floats for packed op(A). */
  float[] floatA(int size) {
    if (floatA.length < size) {
      floatA = new float[size];
    }
    return floatA;
  }

  /** A buffer of at least {@code size} floats for packed or transposed op(B). */
  float[] floatB(int size) {
    if (floatB.length < size) {
      floatB = new float[size];
    }
    return floatB;
  }

  /** A buffer of at least {@code size} floats for one micro-tile of C, or the dot products' accumulators. */
  float[] floatTile(int size) {
    if (floatTile.length < size) {
      floatTile = new float[size];
    }
    return floatTile;
  }

  /** A buffer of at least {@code size} doubles for packed op(A). */
  double[] doubleA(int size) {
    if (doubleA.length < size) {
      doubleA = new double[size];
    }
    return doubleA;
  }

  /** A buffer of at least {@code size} doubles for packed or transposed op(B). */
  double[] doubleB(int size) {
    if (doubleB.length < size) {
      doubleB = new double[size];
    }
    return doubleB;
  }

  /** A buffer of at least {@code size} doubles for one micro-tile of C, or the dot products' accumulators. */
  double[] doubleTile(int size) {
    if (doubleTile.length < size) {
      doubleTile = new double[size];
    }
    return doubleTile;
  }
}
