package dev.descent.kernel.vector;

import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.ScalarElementwise;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code vector} kernel's elementwise functions, a vector of the preferred species at a time.
 *
 * <ul>
 *   <li>exp and log1p are the Vector API's {@link VectorOperators#EXP} and {@link
 *       VectorOperators#LOG1P}, which HotSpot compiles on x86-64 to calls of Intel's short vector
 *       math library (SVML, shipped with the JDK), within 1 ulp as {@link Math#exp} is, about four
 *       times the throughput of the scalar intrinsics. The last partial vector of a range is copied
 *       into a per-thread buffer of one vector and computed by the same vector code (masked loads
 *       and stores past the end of an array allocate on JDK 17), so an element's result does not
 *       depend on where it lies in the range.
 *   <li>The ReLU gradient keeps gy where x's bits, compared as signed integers, are positive, and
 *       +0 elsewhere: the lanes {@link ScalarElementwise}'s mask keeps (a lane compare and a blend;
 *       the mask's arithmetic shift of 64-bit lanes has no AVX2 instruction). The tail uses the
 *       scalar form, which gives identical bits.
 * </ul>
 */
final class VectorElementwise implements ElementwiseKernels {
  static final VectorElementwise INSTANCE = new VectorElementwise();

  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

  private VectorElementwise() {}

  // One loop per function: the Vector API compiles a lanewise operation to vector code only when
  // the operator is a constant where it is used, so a loop shared through a parameter would not be.

  @Override
  public void exp(double[] x, double[] y, int from, int to) {
    int i = from;
    for (; i <= to - DOUBLES.length(); i += DOUBLES.length()) {
      DoubleVector.fromArray(DOUBLES, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
    }
    if (i < to) {
      double[] tail = Tail.load(x, i, to);
      DoubleVector.fromArray(DOUBLES, tail, 0).lanewise(VectorOperators.EXP).intoArray(tail, 0);
      System.arraycopy(tail, 0, y, i, to - i);
    }
  }

  @Override
  public void log1p(double[] x, double[] y, int from, int to) {
    int i = from;
    for (; i <= to - DOUBLES.length(); i += DOUBLES.length()) {
      DoubleVector.fromArray(DOUBLES, x, i).lanewise(VectorOperators.LOG1P).intoArray(y, i);
    }
    if (i < to) {
      double[] tail = Tail.load(x, i, to);
      DoubleVector.fromArray(DOUBLES, tail, 0).lanewise(VectorOperators.LOG1P).intoArray(tail, 0);
      System.arraycopy(tail, 0, y, i, to - i);
    }
  }

  @Override
  public void reluBackward(float[] x, float[] gy, float[] gx, int from, int to) {
    int lanes = INTS.length();
    int i = from;
    for (; i <= to - lanes; i += lanes) {
      VectorMask<Integer> passes = FloatVector.fromArray(FLOATS, x, i).reinterpretAsInts().compare(VectorOperators.GT, 0);
      FloatVector.zero(FLOATS).blend(FloatVector.fromArray(FLOATS, gy, i), passes.cast(FLOATS)).intoArray(gx, i);
    }
    ScalarElementwise.INSTANCE.reluBackward(x, gy, gx, i, to);
  }

  @Override
  public void reluBackward(double[] x, double[] gy, double[] gx, int from, int to) {
    int lanes = LONGS.length();
    int i = from;
    for (; i <= to - lanes; i += lanes) {
      VectorMask<Long> passes = DoubleVector.fromArray(DOUBLES, x, i).reinterpretAsLongs().compare(VectorOperators.GT, 0);
      DoubleVector.zero(DOUBLES).blend(DoubleVector.fromArray(DOUBLES, gy, i), passes.cast(DOUBLES)).intoArray(gx, i);
    }
    ScalarElementwise.INSTANCE.reluBackward(x, gy, gx, i, to);
  }

  /** The per-thread buffer of one vector for the last partial vector of a range. */
  private static final class Tail {
    private static final ThreadLocal<double[]> BUFFER = ThreadLocal.withInitial(() -> new double[DOUBLES.length()]);

    /** The buffer holding x[from … to−1] then zeros. */
    static double[] load(double[] x, int from, int to) {
      double[] tail = BUFFER.get();
      Arrays.fill(tail, 0);
      System.arraycopy(x, from, tail, 0, to - from);
      return tail;
    }
  }
}
