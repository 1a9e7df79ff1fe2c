package dev.descent.nn;

import dev.descent.tensor.DType;
import dev.descent.tensor.Shapes;
import dev.descent.tensor.Tensor;
import java.util.Arrays;

/**
 * A parameter-free layer applying an {@link Activation}. Keeps its input and output from the
 * forward pass for the backward pass. Mutable, not thread-safe.
 *
 * <p>After a {@link Dense} layer, {@link Sequential} runs a built-in elementwise activation fused
 * with it: {@link #forwardWithBias} adds the dense layer's bias and applies the activation, and
 * {@link #backwardWithBiasGradient} applies the derivative and sums the bias gradient, each in one
 * sweep over the batch in blocks of rows small enough to stay in the L1 cache between the two
 * steps. Every element sees the same operations in the same order as in the separate layers, so
 * the results are bit-for-bit the same.
 */
public final class ActivationLayer implements Layer {
  /** Elements per block of the fused passes: 4 KiB of floats, well inside a 32 KiB L1 cache. */
  private static final int BLOCK_ELEMENTS = 1024;

  private final Activation activation;
  private final BatchBuffer output = new BatchBuffer();
  private final BatchBuffer gradInput = new BatchBuffer();
  private Tensor input;
  private Tensor lastOutput;

  /** A layer applying {@code activation}. */
  public ActivationLayer(Activation activation) {
    this.activation = activation;
  }

  /** The activation it applies. */
  public Activation activation() {
    return activation;
  }

  /** Whether {@link Sequential} fuses this layer with a {@link Dense} layer before it. */
  boolean fusesWithDense() {
    return activation instanceof BuiltinActivations.BuiltinElementwise;
  }

  @Override
  public String kind() {
    return activation.name();
  }

  @Override
  public String spec() {
    return activation.spec();
  }

  @Override
  public int outputSize(int inputSize) {
    return inputSize;
  }

  @Override
  public void build(LayerContext context) {}

  @Override
  public Tensor forward(Tensor x, boolean training) {
    Tensor y = output.like(x);
    activation.forward(x, y);
    input = x;
    lastOutput = y;
    return y;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    checkGradient(gradOutput);
    Tensor gx = gradInput.like(gradOutput);
    activation.backward(input, lastOutput, gradOutput, gx);
    return gx;
  }

  private void checkGradient(Tensor gradOutput) {
    if (lastOutput.size() != gradOutput.size()) {
      throw Shapes.error(activation.name() + " backward", "shapes %s and %s differ",
          lastOutput.shape(), gradOutput.shape());
    }
  }

  private static int blockRows(int cols) {
    return Math.max(1, BLOCK_ELEMENTS / Math.max(1, cols));
  }

  /**
   * The fused forward pass after a dense layer: z[r, c] ← z[r, c] + bias[c] in place (z is the
   * dense layer's x·W), then y = f(z), as {@code Dense.forward} followed by {@link #forward}.
   * Requires {@link #fusesWithDense()}.
   */
  Tensor forwardWithBias(Tensor z, Tensor bias) {
    ElementwiseActivation f = (ElementwiseActivation) activation;
    Tensor y = output.like(z);
    int rows = z.rows();
    int cols = z.cols();
    int step = blockRows(cols);
    if (z.dtype() == DType.FLOAT32) {
      float[] zs = z.floats();
      float[] b = bias.floats();
      float[] ys = y.floats();
      for (int r0 = 0; r0 < rows; r0 += step) {
        int r1 = Math.min(rows, r0 + step);
        for (int base = r0 * cols; base < r1 * cols; base += cols) {
          for (int c = 0; c < cols; c++) {
            zs[base + c] = zs[base + c] + b[c];
          }
        }
        f.forward(zs, ys, r0 * cols, r1 * cols);
      }
    } else {
      double[] zs = z.doubles();
      double[] b = bias.doubles();
      double[] ys = y.doubles();
      for (int r0 = 0; r0 < rows; r0 += step) {
        int r1 = Math.min(rows, r0 + step);
        for (int base = r0 * cols; base < r1 * cols; base += cols) {
          for (int c = 0; c < cols; c++) {
            zs[base + c] = zs[base + c] + b[c];
          }
        }
        f.forward(zs, ys, r0 * cols, r1 * cols);
      }
    }
    input = z;
    lastOutput = y;
    return y;
  }

  /**
   * The fused backward pass before a dense layer: returns G = f′(z)·∂L/∂y, the gradient at the
   * dense layer's output, and sets {@code biasGrad} to its column sums Σ_r G[r, c], as
   * {@link #backward} followed by the bias part of {@code Dense.backward}. Requires {@link
   * #fusesWithDense()}.
   */
  Tensor backwardWithBiasGradient(Tensor gradOutput, Tensor biasGrad) {
    checkGradient(gradOutput);
    ElementwiseActivation f = (ElementwiseActivation) activation;
    Tensor gz = gradInput.like(gradOutput);
    int rows = gz.rows();
    int cols = gz.cols();
    int step = blockRows(cols);
    if (gz.dtype() == DType.FLOAT32) {
      float[] zs = input.floats();
      float[] ys = lastOutput.floats();
      float[] gy = gradOutput.floats();
      float[] g = gz.floats();
      float[] db = biasGrad.floats();
      Arrays.fill(db, 0f);
      for (int r0 = 0; r0 < rows; r0 += step) {
        int r1 = Math.min(rows, r0 + step);
        f.backward(zs, ys, gy, g, r0 * cols, r1 * cols);
        for (int base = r0 * cols; base < r1 * cols; base += cols) {
          for (int c = 0; c < cols; c++) {
            db[c] = db[c] + g[base + c];
          }
        }
      }
    } else {
      double[] zs = input.doubles();
      double[] ys = lastOutput.doubles();
      double[] gy = gradOutput.doubles();
      double[] g = gz.doubles();
      double[] db = biasGrad.doubles();
      Arrays.fill(db, 0d);
      for (int r0 = 0; r0 < rows; r0 += step) {
        int r1 = Math.min(rows, r0 + step);
        f.backward(zs, ys, gy, g, r0 * cols, r1 * cols);
        for (int base = r0 * cols; base < r1 * cols; base += cols) {
          for (int c = 0; c < cols; c++) {
            db[c] = db[c] + g[base + c];
          }
        }
      }
    }
    return gz;
  }
}
