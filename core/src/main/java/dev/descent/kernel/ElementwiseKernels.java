package dev.descent.kernel;

/**
 * The elementwise half of a kernel plug-in: functions applied to every element of a range of a raw
 * array, which activations and losses call for their loops that a compiler's auto-vectorizer cannot
 * turn into vector code (transcendental functions, bit masks).
 *
 * <p>Every method reads {@code x[from … to−1]} and writes the same indices of its output, which may
 * be the input array itself. {@link ScalarElementwise} is the definition, and every implementation
 * gives its bits exactly: exp within 1 ulp of the exact result, log1p within 2, the ReLU gradient
 * exact. Faster code must round the same way at every stage of compilation: a vector library that
 * rounds otherwise than the code run before the JIT compiles it (the Vector API's SVML {@code EXP}
 * against its Java fallback) would make a training run depend on when the JIT compiled what. A
 * {@link MatrixKernels} supplies its own through {@link MatrixKernels#elementwise()}; {@link
 * Kernels#elementwise()} is the selected kernel's. Implementations are stateless and thread-safe
 * and allocate nothing.
 */
public interface ElementwiseKernels {

  /** y[i] ← e^{x[i]}, within 1 ulp, for i in [from, to). */
  void exp(double[] x, double[] y, int from, int to);

  /** y[i] ← ln(1 + x[i]), within 2 ulps, for i in [from, to) (NaN below −1, −∞ at −1). */
  void log1p(double[] x, double[] y, int from, int to);

  /**
   * The ReLU gradient, gx[i] ← gy[i] where the bits of x[i] read as a signed integer are positive
   * (x &gt; 0, or a NaN with its sign bit clear), +0 otherwise, for i in [from, to); PyTorch's
   * {@code threshold_backward} with threshold 0.
   */
  void reluBackward(float[] x, float[] gy, float[] gx, int from, int to);

  /** Double-precision twin of {@link #reluBackward(float[], float[], float[], int, int)}. */
  void reluBackward(double[] x, double[] gy, double[] gx, int from, int to);
}
