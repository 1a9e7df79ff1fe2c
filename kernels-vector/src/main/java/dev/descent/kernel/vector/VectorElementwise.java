package dev.descent.kernel.vector;

import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.Exponentials;
import dev.descent.kernel.ScalarElementwise;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code vector} kernel's elementwise functions, a {@link Lanes} vector at a time.
 *
 * <p>The ReLU gradient keeps gy where x's bits, compared as signed integers, are positive, and +0
 * elsewhere: the lanes {@link ScalarElementwise}'s mask keeps. In 512-bit lanes it is that mask,
 * {@code (−b & ~b) >> 63}, in integer lanes; in 256-bit lanes a lane compare and a blend, as AVX2
 * has no arithmetic shift of 64-bit lanes (why each, with timings: {@link DoubleDirect#fused}). The
 * tail uses the scalar form. All are exact, so interpreted and compiled code agree bit for bit.
 *
 * <p>Outputs on their target's side of a threshold are counted a vector at a time: two lane
 * compares, the lanes where they agree counted.
 *
 * <p>Binary cross-entropy from logits performs {@link Exponentials}' algorithms operation for
 * operation in lanes; where the scalar code converts between a long and a double, which AVX2 cannot
 * do in vectors, the lanes use the exact equivalents through the bits of 1.5·2⁵². Every operation is
 * exactly rounded, so the lanes give the definition's bits whether the Vector API runs its Java
 * fallback or compiled code.
 */
final class VectorElementwise implements ElementwiseKernels {
  static final VectorElementwise INSTANCE = new VectorElementwise();

  private static final VectorSpecies<Double> DOUBLES = Lanes.DOUBLES;
  private static final VectorSpecies<Long> LONGS = Lanes.LONGS;
  private static final VectorSpecies<Float> FLOATS = Lanes.FLOATS;
  private static final VectorSpecies<Integer> INTS = Lanes.INTS;

  private static final double E0 = Exponentials.expCoefficient(0);
  private static final double E1 = Exponentials.expCoefficient(1);
  private static final double E2 = Exponentials.expCoefficient(2);
  private static final double E3 = Exponentials.expCoefficient(3);
  private static final double E4 = Exponentials.expCoefficient(4);
  private static final double E5 = Exponentials.expCoefficient(5);
  private static final double E6 = Exponentials.expCoefficient(6);
  private static final double E7 = Exponentials.expCoefficient(7);
  private static final double E8 = Exponentials.expCoefficient(8);
  private static final double E9 = Exponentials.expCoefficient(9);
  private static final double E10 = Exponentials.expCoefficient(10);
  private static final double E11 = Exponentials.expCoefficient(11);
  private static final double E12 = Exponentials.expCoefficient(12);
  private static final double E13 = Exponentials.expCoefficient(13);
  private static final double LG1 = Exponentials.logCoefficient(1);
  private static final double LG2 = Exponentials.logCoefficient(2);
  private static final double LG3 = Exponentials.logCoefficient(3);
  private static final double LG4 = Exponentials.logCoefficient(4);
  private static final double LG5 = Exponentials.logCoefficient(5);
  private static final double LG6 = Exponentials.logCoefficient(6);
  private static final double LG7 = Exponentials.logCoefficient(7);

  private VectorElementwise() {}

  @Override
  public void reluBackward(float[] x, float[] gy, float[] gx, int from, int to) {
    int lanes = INTS.length();
    int i = from;
    IntVector noBits = IntVector.zero(INTS);
    for (; i <= to - lanes; i += lanes) {
      IntVector bits = FloatVector.fromArray(FLOATS, x, i).reinterpretAsInts();
      FloatVector g = FloatVector.fromArray(FLOATS, gy, i);
      if (Lanes.WIDE) {
        g.reinterpretAsInts().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, Integer.SIZE - 1))
            .reinterpretAsFloats().intoArray(gx, i);
      } else {
        FloatVector.zero(FLOATS).blend(g, bits.compare(VectorOperators.GT, 0).cast(FLOATS)).intoArray(gx, i);
      }
    }
    ScalarElementwise.INSTANCE.reluBackward(x, gy, gx, i, to);
  }

  @Override
  public void reluBackward(double[] x, double[] gy, double[] gx, int from, int to) {
    int lanes = LONGS.length();
    int i = from;
    LongVector noBits = LongVector.zero(LONGS);
    for (; i <= to - lanes; i += lanes) {
      LongVector bits = DoubleVector.fromArray(DOUBLES, x, i).reinterpretAsLongs();
      DoubleVector g = DoubleVector.fromArray(DOUBLES, gy, i);
      if (Lanes.WIDE) {
        g.reinterpretAsLongs().and(noBits.sub(bits).and(bits.not()).lanewise(VectorOperators.ASHR, Long.SIZE - 1))
            .reinterpretAsDoubles().intoArray(gx, i);
      } else {
        DoubleVector.zero(DOUBLES).blend(g, bits.compare(VectorOperators.GT, 0).cast(DOUBLES)).intoArray(gx, i);
      }
    }
    ScalarElementwise.INSTANCE.reluBackward(x, gy, gx, i, to);
  }

  /** Whole vectors: a lane compare of each side, the lanes where the two masks agree counted; the rest one by one. */
  @Override
  public int thresholdAgreements(float[] o, float[] t, float threshold, int from, int to) {
    int lanes = FLOATS.length();
    int hits = 0;
    int i = from;
    for (; i <= to - lanes; i += lanes) {
      VectorMask<Float> above = FloatVector.fromArray(FLOATS, o, i).compare(VectorOperators.GT, threshold);
      hits += above.eq(FloatVector.fromArray(FLOATS, t, i).compare(VectorOperators.GT, threshold)).trueCount();
    }
    return hits + ScalarElementwise.INSTANCE.thresholdAgreements(o, t, threshold, i, to);
  }

  @Override
  public int thresholdAgreements(double[] o, double[] t, double threshold, int from, int to) {
    int lanes = DOUBLES.length();
    int hits = 0;
    int i = from;
    for (; i <= to - lanes; i += lanes) {
      VectorMask<Double> above = DoubleVector.fromArray(DOUBLES, o, i).compare(VectorOperators.GT, threshold);
      hits += above.eq(DoubleVector.fromArray(DOUBLES, t, i).compare(VectorOperators.GT, threshold)).trueCount();
    }
    return hits + ScalarElementwise.INSTANCE.thresholdAgreements(o, t, threshold, i, to);
  }

  /**
   * Two loops over whole vectors: e = exp(−|z|) into {@code sigmoid}, then the rest of the
   * definition, which replaces e there by σ(z). Elements past the last whole vector are the tail of
   * one more vector ending at {@code to}, whose first lanes are computed again from the same inputs
   * (the outputs are none of them z or t), or, in a range shorter than a vector, the scalar
   * definition. Each loop is a method of its own so that C2 compiles each with every Vector API
   * call inlined and intrinsified; in one loop the expanded code exceeded C2's inlining budget, and
   * the calls left out ran the Java fallback (same bits, ten times slower).
   */
  @Override
  public void logitCrossEntropy(
      double[] z, double[] t, double scale, double[] sigmoid, double[] gradient, double[] loss, int from, int to) {
    int lanes = DOUBLES.length();
    int whole = from + (to - from) / lanes * lanes;
    negativeAbsoluteExp(z, sigmoid, from, whole);
    crossEntropyTerms(z, t, scale, sigmoid, gradient, loss, from, whole);
    if (whole < to && whole > from) {
      negativeAbsoluteExp(z, sigmoid, to - lanes, to);
      crossEntropyTerms(z, t, scale, sigmoid, gradient, loss, to - lanes, to);
    } else {
      ScalarElementwise.INSTANCE.logitCrossEntropy(z, t, scale, sigmoid, gradient, loss, whole, to);
    }
  }

  /**
   * e[i] ← {@link Exponentials#exp}(−|z[i]|) over whole vectors in [from, to), operation for
   * operation; the arguments being ≤ 0 (or NaN), the clamp at +{@value Exponentials#EXP_LIMIT} never
   * changes one and is left out.
   */
  private static void negativeAbsoluteExp(double[] z, double[] e, int from, int to) {
    DoubleVector ln2Hi = DoubleVector.broadcast(DOUBLES, Exponentials.LN2_HI);
    DoubleVector ln2Lo = DoubleVector.broadcast(DOUBLES, Exponentials.LN2_LO);
    for (int i = from; i < to; i += DOUBLES.length()) {
      DoubleVector x = DoubleVector.fromArray(DOUBLES, z, i).abs().neg().max(-Exponentials.EXP_LIMIT);
      DoubleVector t = x.fma(Exponentials.LOG2E, Exponentials.SHIFTER);
      DoubleVector minusK = t.sub(Exponentials.SHIFTER).neg();
      LongVector k = t.reinterpretAsLongs().sub(Exponentials.SHIFTER_BITS);
      LongVector k1 = x.fma(Exponentials.HALF_LOG2E, Exponentials.SHIFTER).reinterpretAsLongs()
          .sub(Exponentials.SHIFTER_BITS);
      DoubleVector r = minusK.fma(ln2Hi, x);
      r = minusK.fma(ln2Lo, r);
      DoubleVector p = DoubleVector.broadcast(DOUBLES, E13);
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E12));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E11));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E10));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E9));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E8));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E7));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E6));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E5));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E4));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E3));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E2));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E1));
      p = p.fma(r, DoubleVector.broadcast(DOUBLES, E0));
      p.mul(powerOfTwo(k1)).mul(powerOfTwo(k.sub(k1))).intoArray(e, i);
    }
  }

  /** 2ᵏ in each lane, from its bits. */
  private static DoubleVector powerOfTwo(LongVector k) {
    return k.add(Exponentials.EXPONENT_BIAS).lanewise(VectorOperators.LSHL, Exponentials.SIGNIFICAND_BITS)
        .reinterpretAsDoubles();
  }

  /**
   * The definition's outputs over whole vectors in [from, to), given e = exp(−|z|) in {@code
   * sigmoid}, with {@link Exponentials#log1p}(e) operation for operation (where the scalar code
   * converts j to a double, the lanes take the double whose bits are those of 1.5·2⁵² plus j, which
   * is 1.5·2⁵² + j exactly, and subtract 1.5·2⁵²).
   */
  private static void crossEntropyTerms(
      double[] z, double[] t, double scale, double[] sigmoid, double[] gradient, double[] loss, int from, int to) {
    DoubleVector one = DoubleVector.broadcast(DOUBLES, 1);
    DoubleVector ln2Hi = DoubleVector.broadcast(DOUBLES, Exponentials.LN2_HI);
    for (int i = from; i < to; i += DOUBLES.length()) {
      DoubleVector zi = DoubleVector.fromArray(DOUBLES, z, i);
      DoubleVector ti = DoubleVector.fromArray(DOUBLES, t, i);
      DoubleVector e = DoubleVector.fromArray(DOUBLES, sigmoid, i);
      DoubleVector p = e.blend(one, zi.compare(VectorOperators.GE, 0)).div(one.add(e));
      p.intoArray(sigmoid, i);
      p.sub(ti).mul(scale).intoArray(gradient, i);
      DoubleVector u = e.add(1);
      LongVector bits = u.reinterpretAsLongs();
      LongVector j = bits.add(Exponentials.LOG_OFFSET).lanewise(VectorOperators.LSHR, Exponentials.SIGNIFICAND_BITS)
          .sub(Exponentials.EXPONENT_BIAS);
      DoubleVector m = bits.sub(j.lanewise(VectorOperators.LSHL, Exponentials.SIGNIFICAND_BITS)).reinterpretAsDoubles();
      DoubleVector jf = j.add(Exponentials.SHIFTER_BITS).reinterpretAsDoubles().sub(Exponentials.SHIFTER);
      DoubleVector f = m.sub(1);
      DoubleVector s = f.div(f.add(2));
      DoubleVector w = s.mul(s);
      DoubleVector r = DoubleVector.broadcast(DOUBLES, LG7);
      r = r.fma(w, DoubleVector.broadcast(DOUBLES, LG6));
      r = r.fma(w, DoubleVector.broadcast(DOUBLES, LG5));
      r = r.fma(w, DoubleVector.broadcast(DOUBLES, LG4));
      r = r.fma(w, DoubleVector.broadcast(DOUBLES, LG3));
      r = r.fma(w, DoubleVector.broadcast(DOUBLES, LG2));
      r = r.fma(w, DoubleVector.broadcast(DOUBLES, LG1));
      r = r.mul(w);
      DoubleVector halfSquare = f.mul(0.5).mul(f);
      DoubleVector inner = s.fma(halfSquare.add(r), jf.mul(Exponentials.LN2_LO));
      DoubleVector log1p = jf.fma(ln2Hi, f.sub(halfSquare.sub(inner))).add(e.sub(u.sub(1)).div(u));
      DoubleVector positive = DoubleVector.zero(DOUBLES).blend(zi, zi.compare(VectorOperators.GT, 0));
      positive.sub(zi.mul(ti)).add(log1p).intoArray(loss, i);
    }
  }
}
