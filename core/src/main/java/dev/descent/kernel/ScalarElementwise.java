package dev.descent.kernel;

/**
 * The definition of {@link ElementwiseKernels}, one element at a time: the ReLU gradient as a bit
 * mask, without a branch on the data (the signs of pre-activations follow no pattern a branch
 * predictor can learn), binary cross-entropy from logits with {@link Exponentials}, and the count of
 * outputs on the same side of a threshold as their targets. Used by
 * every kernel that does not supply its own.
 */
public final class ScalarElementwise implements ElementwiseKernels {
  /** The one instance. */
  public static final ScalarElementwise INSTANCE = new ScalarElementwise();

  private ScalarElementwise() {}

  /** gy's bits under a mask that is all ones exactly when x's bits, as an int, are positive. */
  @Override
  public void reluBackward(float[] x, float[] gy, float[] gx, int from, int to) {
    for (int i = from; i < to; i++) {
      int bits = Float.floatToRawIntBits(x[i]);
      gx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gy[i]) & ((-bits & ~bits) >> 31));
    }
  }

  @Override
  public void reluBackward(double[] x, double[] gy, double[] gx, int from, int to) {
    for (int i = from; i < to; i++) {
      long bits = Double.doubleToRawLongBits(x[i]);
      gx[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(gy[i]) & ((-bits & ~bits) >> 63));
    }
  }

  @Override
  public int thresholdAgreements(float[] o, float[] t, float threshold, int from, int to) {
    int hits = 0;
    for (int i = from; i < to; i++) {
      hits += (o[i] > threshold) == (t[i] > threshold) ? 1 : 0;
    }
    return hits;
  }

  @Override
  public int thresholdAgreements(double[] o, double[] t, double threshold, int from, int to) {
    int hits = 0;
    for (int i = from; i < to; i++) {
      hits += (o[i] > threshold) == (t[i] > threshold) ? 1 : 0;
    }
    return hits;
  }

  @Override
  public void logitCrossEntropy(
      double[] z, double[] t, double scale, double[] sigmoid, double[] gradient, double[] loss, int from, int to) {
    for (int i = from; i < to; i++) {
      double zi = z[i];
      double ti = t[i];
      double e = Exponentials.exp(-Math.abs(zi));
      double p = (zi >= 0 ? 1 : e) / (1 + e);
      sigmoid[i] = p;
      gradient[i] = (p - ti) * scale;
      loss[i] = ((zi > 0 ? zi : 0) - zi * ti) + Exponentials.log1p(e);
    }
  }
}
