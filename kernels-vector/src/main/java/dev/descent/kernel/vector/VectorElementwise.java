package dev.descent.kernel.vector;

import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.ScalarElementwise;
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
 * <p>The ReLU gradient keeps gy where x's bits, compared as signed integers, are positive, and +0
 * elsewhere: the lanes {@link ScalarElementwise}'s mask keeps (a lane compare and a blend; the mask's
 * arithmetic shift of 64-bit lanes has no AVX2 instruction); the tail uses the scalar form. Both are
 * exact, so interpreted and compiled code agree bit for bit.
 */
final class VectorElementwise implements ElementwiseKernels {
  static final VectorElementwise INSTANCE = new VectorElementwise();

  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

  private VectorElementwise() {}

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
}
