package dev.descent.loss;

import dev.descent.nn.SpecialFunctions;
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
 * <p>The gradient is scaled by 1/N rounded once, as PyTorch's backward multiplies by the mean's
 * incoming gradient 1/N, rather than divided by N for every element (a division costs several
 * multiplications' time, and this loop does not vectorize).
 *
 * <p>e is {@link Math#exp}, log1p(e) {@link SpecialFunctions#log1p} (within 2 ulps, through the
 * intrinsic {@link Math#log}); the sum runs from the first element to the last.
 * Float32 tensors are read into and written from per-thread float64 buffers, which grow to the
 * largest size used and are then reused, so a training step allocates nothing.
 */
final class LogitPass {
  private static final ThreadLocal<LogitPass> CURRENT = ThreadLocal.withInitial(LogitPass::new);

  private double[] logits = new double[0];
  private double[] targets = new double[0];
  private double[] gradient = new double[0];
  private double[] sigmoid = new double[0];

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
    double perElement = 1.0 / size;
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double zi = z[i];
      double ei = Math.exp(-Math.abs(zi));
      double pi = zi >= 0 ? 1 / (1 + ei) : ei / (1 + ei);
      sum += Math.max(zi, 0) - zi * t[i] + SpecialFunctions.log1p(ei);
      g[i] = (pi - t[i]) * perElement;
      p[i] = pi;
    }
    write(g, grad);
    write(p, outputs);
    return sum / size;
  }

  private void grow(int size) {
    if (logits.length < size) {
      logits = new double[size];
      targets = new double[size];
      gradient = new double[size];
      sigmoid = new double[size];
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
