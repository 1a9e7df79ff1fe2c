package dev.descent.kernel;

/**
 * The elementwise half of a kernel plug-in: functions applied to every element of a range of a raw
 * array, which activations call for loops that a compiler's auto-vectorizer cannot turn into vector
 * code (bit masks); for now the ReLU gradient.
 *
 * <p>Every method reads {@code x[from … to−1]} and writes the same indices of its output, which may
 * be the input array itself. {@link ScalarElementwise} is the definition, and every implementation
 * gives its bits exactly, at every stage of compilation: a function that rounds otherwise once
 * compiled than before (as the Vector API's SVML {@code EXP} does against its Java fallback) would
 * make a training run depend on when the JIT compiled what, which is why exp and log are not here.
 * A {@link MatrixKernels} supplies its own through {@link MatrixKernels#elementwise()}; {@link
 * Kernels#elementwise()} is the selected kernel's. Implementations are stateless and thread-safe
 * and allocate nothing.
 */
public interface ElementwiseKernels {

  /**
   * The ReLU gradient, gx[i] ← gy[i] where the bits of x[i] read as a signed integer are positive
   * (x &gt; 0, or a NaN with its sign bit clear), +0 otherwise, for i in [from, to); PyTorch's
   * {@code threshold_backward} with threshold 0.
   */
  void reluBackward(float[] x, float[] gy, float[] gx, int from, int to);

  /** Double-precision twin of {@link #reluBackward(float[], float[], float[], int, int)}. */
  void reluBackward(double[] x, double[] gy, double[] gx, int from, int to);
}
