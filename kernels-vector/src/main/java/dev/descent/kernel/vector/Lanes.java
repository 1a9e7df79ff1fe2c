package dev.descent.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vectors every loop of this kernel computes in: {@value #BITS} bits (8 floats, 4 doubles) on
 * every machine, not the processor's preferred width.
 *
 * <p>Why fixed: the lanes decide the order of a sum (a dot product keeps one partial sum per lane and
 * adds the lanes at the end; a row of C is cut into whole vectors and a remainder), so with
 * {@code SPECIES_PREFERRED} a processor with AVX-512 would give other bits than one with AVX2, and a
 * seeded training run, amplifying them, another table: the initialization experiment's
 * {@code random x10} row differed in the third digit. With 256-bit lanes everywhere, AVX2 and
 * AVX-512 machines give the same results bit for bit. Nothing is lost on processors that execute
 * 512-bit operations as two 256-bit halves (AMD Zen 4); measured there, the 2-10-5-1 exercise even
 * ran faster in 256-bit lanes than in 512-bit ones.
 *
 * <p>Touched only when {@code jdk.incubator.vector} is in the boot layer (see {@link VectorKernels}).
 */
final class Lanes {
  private Lanes() {}

  /** The width of every vector, {@value} bits. */
  static final int BITS = 256;

  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
  static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
  static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
  static final VectorSpecies<Long> LONGS = LongVector.SPECIES_256;

  /**
   * The width in bits of the processor's own vectors as the Vector API sees them: below {@value
   * #BITS}, the kernel's vectors would run emulated, far slower than the {@code blocked} kernel.
   */
  static int hardwareBits() {
    return VectorShape.preferredShape().vectorBitSize();
  }
}
