package dev.descent.nn;

import dev.descent.spec.Arguments;
import dev.descent.tensor.Tensor;
import dev.descent.random.SplitMix64;

/**
 * Inverted dropout (Srivastava et al. 2014, as PyTorch's {@code nn.Dropout}): in training mode each
 * element is kept with probability 1 − p and scaled by 1/(1 − p), so y = x·m with
 * m ∈ {0, 1/(1 − p)}; in inference mode y = x. Backward multiplies by the same mask.
 *
 * <p>The mask is drawn from a generator of the layer's own ({@link SplitMix64}), seeded at build time
 * with one draw from the model's generator, so its position can be checkpointed. {@link #freezeMask} keeps the last
 * mask for every following forward pass, which a gradient check needs so that the objective it
 * differentiates is a fixed function. Mutable, not thread-safe.
 */
public final class Dropout implements Layer, Stochastic {
  private final double p;
  private final BatchBuffer output = new BatchBuffer();
  private final BatchBuffer mask = new BatchBuffer();
  private final BatchBuffer gradInput = new BatchBuffer();
  private SplitMix64 random;
  private Tensor lastMask;
  private boolean training;
  private boolean frozen;

  /** Dropout with drop probability {@code p} in [0, 1). */
  public Dropout(double p) {
    this.p = Arguments.inHalfOpen("dropout", "p", p, 0, 1);
  }

  @Override
  public String kind() {
    return "dropout";
  }

  @Override
  public String spec() {
    return "dropout(p=" + p + ")";
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  /** While frozen, every training-mode forward pass reuses the last mask instead of drawing a new one. */
  public void freezeMask(boolean frozen) {
    this.frozen = frozen;
  }

  @Override
  public int outputSize(int inputSize) {
    return inputSize;
  }

  @Override
  public void build(LayerContext context) {
    this.random = new SplitMix64(context.random().nextLong());
  }

  @Override
  public long randomState() {
    return random == null ? 0 : random.state();
  }

  @Override
  public void restoreRandomState(long state) {
    if (random == null) {
      throw new IllegalStateException("dropout layer restored before build()");
    }
    random.setState(state);
  }

  @Override
  public Tensor forward(Tensor x, boolean training) {
    this.training = training;
    if (!training || p == 0) {
      return x;
    }
    boolean reuse = frozen && lastMask != null && lastMask.rows() == x.rows() && lastMask.cols() == x.cols();
    if (!reuse) {
      Tensor m = mask.like(x);
      double keep = 1 / (1 - p);
      for (int i = 0; i < m.size(); i++) {
        m.set(i, random.nextDouble() >= p ? keep : 0);
      }
      lastMask = m;
    }
    Tensor y = output.like(x);
    x.zip(lastMask, (a, b) -> a * b, y);
    return y;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    if (!training || p == 0) {
      return gradOutput;
    }
    Tensor gx = gradInput.like(gradOutput);
    gradOutput.zip(lastMask, (a, b) -> a * b, gx);
    return gx;
  }
}
