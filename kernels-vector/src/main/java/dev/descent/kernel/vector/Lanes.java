package dev.descent.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vectors every loop of this kernel computes in: the processor's widest, 512 bits under AVX-512
 * and {@value #BITS} otherwise (the least the kernel runs on), one width for every loop.
 *
 * <p>One width, because C2 (JDK 17) stops compiling a Vector API operation to its instruction once
 * the call sites inside the API have seen vectors of two widths: with the dot products in 256-bit
 * lanes and the packed micro-kernel in 512-bit ones, the micro-kernel ran the API's allocating Java
 * fallback, 5 GB per 1,000 products.
 *
 * <p>The width never changes a result. Most loops keep each element of their result in one lane
 * from its first operation to its last, so the width only decides how many elements share an
 * instruction. The one loop whose lanes decide the order of a sum, the dot product (one partial sum
 * per lane, the lanes added at the end), keeps the partial sums of {@value #BITS}-bit lanes
 * whatever the width ({@link DoubleDots}, {@link FloatDots}). So AVX2 and AVX-512 machines give the
 * same results bit for bit; with {@code SPECIES_PREFERRED} sums the initialization experiment's
 * {@code random x10} row differed in the third digit.
 *
 * <p>Why the widest: 512-bit vectors halve the instructions per multiply-add. In 256-bit lanes the
 * packed micro-kernel needs close to the six instructions per cycle a Zen 4 core can issue, and on
 * a shared host its speed swung with whatever else the core was doing, where OpenBLAS's did not
 * (figures in the benchmarks' README). The cost was in short rows: the 2-10-5-1 exercise, rows of
 * 300 examples, ran 2 to 20 % slower (about 4 % in most of six pairs of runs), more of each row
 * falling past the last whole vector, until such a row's last columns became one more vector ending
 * at its end ({@link DoubleDirect}) and the dot products' finish read memory ({@link DoubleDots}).
 *
 * <p>Touched only when {@code jdk.incubator.vector} is in the boot layer (see {@link VectorKernels}).
 */
final class Lanes {
  private Lanes() {}

  /**
   * The least width the kernel computes in, and the width of a dot product's partial sums: {@value}
   * bits.
   */
  static final int BITS = 256;

  /** Whether the processor's vectors are 512 bits wide (AVX-512). */
  static final boolean WIDE = hardwareBits() >= 512;

  static final VectorSpecies<Float> FLOATS = WIDE ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
  static final VectorSpecies<Double> DOUBLES = WIDE ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
  static final VectorSpecies<Integer> INTS = WIDE ? IntVector.SPECIES_512 : IntVector.SPECIES_256;
  static final VectorSpecies<Long> LONGS = WIDE ? LongVector.SPECIES_512 : LongVector.SPECIES_256;

  /**
   * The width in bits of the processor's own vectors as the Vector API sees them: below {@value
   * #BITS}, the kernel's vectors would run emulated, far slower than the {@code blocked} kernel.
   */
  static int hardwareBits() {
    return VectorShape.preferredShape().vectorBitSize();
  }
}
