package dev.descent.kernel;

/**
 * The elementwise half of a kernel plug-in: functions applied to every element of a range of a raw
 * array, for loops that a compiler's auto-vectorizer cannot turn into vector code (bit masks,
 * exponentials): the ReLU gradient and binary cross-entropy from logits.
 *
 * <p>Every method reads its inputs at indices [from, to) and writes the same indices of its
 * outputs. {@link ScalarElementwise} is the definition, and every implementation gives its bits exactly, at every stage of compilation: a function that rounds
 * otherwise once compiled than before (as the Vector API's SVML {@code EXP} does against its Java
 * fallback) would make a training run depend on when the JIT compiled what. This is why
 * exponentials are Descent's own ({@link Exponentials}), built from exactly rounded operations.
 * A {@link MatrixKernels} supplies its own through {@link MatrixKernels#elementwise()}; {@link
 * Kernels#elementwise()} is the selected kernel's. Implementations are stateless and thread-safe
 * and allocate nothing.
 */
public interface ElementwiseKernels {

  /**
   * The ReLU gradient, gx[i] ← gy[i] where the bits of x[i] read as a signed integer are positive
   * (x &gt; 0, or a NaN with its sign bit clear), +0 otherwise, for i in [from, to); PyTorch's
   * {@code threshold_backward} with threshold 0. {@code gx} may be {@code gy} or {@code x}.
   */
  void reluBackward(float[] x, float[] gy, float[] gx, int from, int to);

  /** Double-precision twin of {@link #reluBackward(float[], float[], float[], int, int)}. */
  void reluBackward(double[] x, double[] gy, double[] gx, int from, int to);

  /**
   * Binary cross-entropy from logits elementwise, in float64 (PyTorch's {@code BCEWithLogitsLoss}
   * before its mean): for i in [from, to), with z = z[i], t = t[i] and e = {@link
   * Exponentials#exp}(−|z|) computed once,
   *
   * <pre>
   *   sigmoid[i]  ← (z ≥ 0 ? 1 : e) / (1 + e)            σ(z), without overflow for any z
   *   gradient[i] ← (sigmoid[i] − t)·scale
   *   loss[i]     ← ((z &gt; 0 ? z : +0) − z·t) + {@link Exponentials#log1p}(e)
   * </pre>
   *
   * each operation rounded as written (no fused multiply-add outside exp and log1p). The three
   * outputs are distinct arrays, none of them {@code z} or {@code t}.
   */
  void logitCrossEntropy(
      double[] z, double[] t, double scale, double[] sigmoid, double[] gradient, double[] loss, int from, int to);

  /**
   * The number of i in [from, to) where o[i] and t[i] fall on the same side of {@code threshold}:
   * both above it, or neither (a NaN is not above it). With a threshold of 0.5, the count behind
   * Keras's {@code binary_accuracy}. By default {@link ScalarElementwise}'s, element by element.
   */
  default int thresholdAgreements(float[] o, float[] t, float threshold, int from, int to) {
    return ScalarElementwise.INSTANCE.thresholdAgreements(o, t, threshold, from, to);
  }

  /** Double-precision twin of {@link #thresholdAgreements(float[], float[], float, int, int)}. */
  default int thresholdAgreements(double[] o, double[] t, double threshold, int from, int to) {
    return ScalarElementwise.INSTANCE.thresholdAgreements(o, t, threshold, from, to);
  }
}
