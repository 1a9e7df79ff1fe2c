package dev.descent.loss;

import dev.descent.kernel.ElementwiseKernels;
import dev.descent.kernel.Kernels;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;

/**
 * Binary cross-entropy from logits over raw arrays, in float64 whatever the tensors' type: with
 * e = e^(−|z|) computed once per element,
 *
 * <pre>
 *   L = (1/N)·Σ [max(z, 0) − z·t + log1p(e)]          (PyTorch BCEWithLogitsLoss)
 *   σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise
 *   ∂L/∂z = (σ(z) − t)·(1/N)
 * </pre>
 *
 * <p>The elementwise part is the selected kernel's {@link ElementwiseKernels#logitCrossEntropy}
 * (exp and log1p are Descent's own, {@link dev.descent.kernel.Exponentials}: the same bits on every
 * kernel and at every stage of compilation). The gradient is scaled by 1/N rounded once, as
 * PyTorch's backward multiplies by the mean's incoming gradient 1/N. The terms of the sum are added
 * into four partial sums, term i into sum i mod 4 from the first term to the last, which are then
 * added as (s₀ + s₁) + (s₂ + s₃): four independent chains of additions instead of one.
 * Float32 tensors are read into and written from per-thread float64 buffers, which grow to the
 * largest size used and are then reused, so a training step allocates nothing.
 */
final class LogitPass {
  private static final ThreadLocal<LogitPass> CURRENT = ThreadLocal.withInitial(LogitPass::new);

  private double[] logits = new double[0];
  private double[] targets = new double[0];
  private double[] gradient = new double[0];
  private double[] sigmoid = new double[0];
  private double[] terms = new double[0];

  private LogitPass() {}

  /**
   * Returns the mean loss; writes ∂L/∂z into {@code grad} and σ(z) into {@code outputs} unless they
   * are null. Shapes are checked by the caller.
   */
  static double run(Tensor z, Tensor target, Tensor grad, Tensor outputs) {
    return CURRENT.get().compute(z, target, grad, outputs);
  }

  private double compute(Tensor zt, Tensor target, Tensor grad, Tensor outputs) {
    int size = zt.size();
    grow(size);
    double[] z = read(zt, logits);
    double[] t = read(target, targets);
    double[] g = destination(grad, gradient);
    double[] p = destination(outputs, sigmoid);
    Kernels.elementwise().logitCrossEntropy(z, t, 1.0 / size, p, g, terms, 0, size);
    double sum = sum(terms, size);
    write(g, grad);
    write(p, outputs);
    return sum / size;
  }

  /** The sum of {@code terms[0 … size−1]} in four interleaved partial sums, as documented above. */
  private static double sum(double[] terms, int size) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int whole = size & ~3;
    int i = 0;
    for (; i < whole; i += 4) {
      s0 += terms[i];
      s1 += terms[i + 1];
      s2 += terms[i + 2];
      s3 += terms[i + 3];
    }
    for (; i < size; i++) {
      switch (i & 3) {
        case 0 -> s0 += terms[i];
        case 1 -> s1 += terms[i];
        default -> s2 += terms[i];
      }
    }
    return (s0 + s1) + (s2 + s3);
  }

  private void grow(int size) {
    if (logits.length < size) {
      logits = new double[size];
      targets = new double[size];
      gradient = new double[size];
      sigmoid = new double[size];
      terms = new double[size];
    }
  }

  /** A float64 tensor's own array, or a float32 tensor's values copied into {@code buffer}. */
  private static double[] read(Tensor x, double[] buffer) {
    if (x.dtype() == DType.FLOAT64) {
      return x.doubles();
    }
    float[] values = x.floats();
    for (int i = 0; i < x.size(); i++) {
      buffer[i] = values[i];
    }
    return buffer;
  }

  /** Where results for {@code x} go: its own array if it is float64, else {@code buffer}. */
  private static double[] destination(Tensor x, double[] buffer) {
    return x != null && x.dtype() == DType.FLOAT64 ? x.doubles() : buffer;
  }

  /** Copies results into a float32 tensor (a float64 one already holds them). */
  private static void write(double[] values, Tensor x) {
    if (x == null || x.dtype() == DType.FLOAT64) {
      return;
    }
    float[] out = x.floats();
    for (int i = 0; i < x.size(); i++) {
      out[i] = (float) values[i];
    }
  }
}
