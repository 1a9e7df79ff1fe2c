package dev.descent.nn;

import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shapes;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * A stack of narrow dense layers, each followed by a built-in elementwise activation or by none,
 * run with the examples along the rows of every intermediate ("feature-major", as the classic
 * course code holds its examples in the columns of X): each activation is held as a
 * {@code [features, batch]} matrix instead of {@code [batch, features]}.
 *
 * <p>Why: with a batch of n examples and layers of a few units, the row-major products have rows of
 * a few elements, too short for a vector register, and every step of them works on scalars; held
 * the other way, each row is n long and every product, bias add and activation runs along it in
 * whole vectors. Forward, stage by stage, Zᵀ = Wᵀ·Xᵀ, then Zᵀ[j, ·] += b[j] and Yᵀ = f(Zᵀ) (in place of
 * Zᵀ when f′ needs only Yᵀ, as ReLU's does: one stream of memory fewer per pass); backward,
 * Gᶻ = f′(Zᵀ)·Gʸ, ∂L/∂b[j] = Σ_i Gᶻ[j, i], ∂L/∂W = Xᵀ·(Gᶻ)ᵀ and ∂L/∂Xᵀ = W·Gᶻ. A ReLU stage runs
 * with its product in one kernel call each way, Yᵀ = max(Wᵀ·Xᵀ + b, 0) and, from the stage above,
 * Gᶻ = f′·(W·Gᶻ⁺), so that a kernel can apply the step to each vector of the product before storing
 * it rather than in a pass of its own (same bits). The model's input is
 * transposed once on the way in, its output and the output gradient once at the end: O(n·width)
 * copies against the O(n·width²) of the products.
 *
 * <p>Every element sees the operations of the layer-by-layer path ({@link Sequential} with {@link
 * Dense} and the fused {@link ActivationLayer}): the same products term by term, the same bias add
 * and activation, and the bias gradient summed over the examples in the same order, so with a
 * matrix kernel that sums each product term in order of the inner index ({@code reference} and
 * {@code blocked} do) the results are bit for bit those of that path. Mutable, not thread-safe.
 */
final class FeatureMajorStack {
  /** The widest input or layer (in features) a stack takes; wider layers fill vectors row-major. */
  static final int MAX_WIDTH = 32;

  /** The smallest batch a stack takes; below it, rows of the batch are too short for vectors. */
  static final int MIN_BATCH = 32;

  private final Dense[] dense;
  private final ElementwiseActivation[] activation;
  private final BatchBuffer[] preActivation;
  private final BatchBuffer[] postActivation;
  private final BatchBuffer[] stageInputGradient;
  private final Tensor[] stageInput;
  private final Tensor[] stageZ;
  private final Tensor[] stageY;
  private final BatchBuffer transposedInput = new BatchBuffer();
  private final BatchBuffer output = new BatchBuffer();
  private final BatchBuffer outputGradient = new BatchBuffer();
  private final BatchBuffer modelInputGradient = new BatchBuffer();

  private FeatureMajorStack(Dense[] dense, ElementwiseActivation[] activation) {
    this.dense = dense;
    this.activation = activation;
    int stages = dense.length;
    preActivation = buffers(stages);
    postActivation = buffers(stages);
    stageInputGradient = buffers(stages);
    stageInput = new Tensor[stages];
    stageZ = new Tensor[stages];
    stageY = new Tensor[stages];
  }

  private static BatchBuffer[] buffers(int count) {
    BatchBuffer[] b = new BatchBuffer[count];
    for (int i = 0; i < count; i++) {
      b[i] = new BatchBuffer();
    }
    return b;
  }

  /**
   * The stack for the first {@code count} of the built {@code layers}, or null when they are not
   * all dense layers, each alone or followed by a built-in elementwise activation, no wider than
   * {@value #MAX_WIDTH} features in and out.
   */
  static FeatureMajorStack of(List<Layer> layers, int count, int inputSize) {
    int stages = 0;
    for (int i = 0; i < count; i++) {
      if (layers.get(i) instanceof Dense) {
        stages++;
      }
    }
    if (stages == 0) {
      return null;
    }
    Dense[] dense = new Dense[stages];
    ElementwiseActivation[] activation = new ElementwiseActivation[stages];
    int width = inputSize;
    int s = 0;
    for (int i = 0; i < count; i++) {
      if (!(layers.get(i) instanceof Dense d) || width > MAX_WIDTH || d.units() > MAX_WIDTH) {
        return null;
      }
      dense[s] = d;
      width = d.units();
      if (i + 1 < count && layers.get(i + 1) instanceof ActivationLayer a) {
        if (!a.fusesWithDense()) {
          return null;
        }
        activation[s] = (ElementwiseActivation) a.activation();
        i++;
      }
      s++;
    }
    return new FeatureMajorStack(dense, activation);
  }

  /** Whether a batch of {@code rows} examples runs faster here than layer by layer. */
  static boolean takes(int rows) {
    return rows >= MIN_BATCH;
  }

  /** The stack's output for {@code x} ({@code [batch, in]}), as {@code [batch, out]}. */
  Tensor forward(Tensor x) {
    int n = x.rows();
    Tensor t = transposedInput.get(x.cols(), n, x.dtype());
    x.transpose(t);
    for (int s = 0; s < dense.length; s++) {
      Dense d = dense[s];
      Tensor z = preActivation[s].get(d.units(), n, x.dtype());
      stageInput[s] = t;
      stageZ[s] = z;
      if (fusesRelu(s, z)) {
        productBiasAndRelu(d, t, z);
        t = z;
      } else {
        d.weight().value().matmul(true, t, false, z);
        t = activation[s] == null || activation[s].derivativeFromOutput() ? z : postActivation[s].like(z);
        addBiasAndActivate(z, d.bias().value(), activation[s], t);
      }
      stageY[s] = t;
    }
    Tensor y = output.get(n, t.rows(), t.dtype());
    t.transpose(y);
    return y;
  }

  /**
   * Sets the parameter gradients of every layer from {@code gradOutput} ({@code [batch, out]}), the
   * gradient at the output of the last {@link #forward}; returns the gradient with respect to that
   * forward's input when {@code inputGradient}, else null.
   */
  Tensor backward(Tensor gradOutput, boolean inputGradient) {
    Tensor last = stageY[dense.length - 1];
    Tensor g = outputGradient.like(last);
    gradOutput.transpose(g);
    boolean throughActivation = false;
    for (int s = dense.length - 1; s >= 0; s--) {
      Dense d = dense[s];
      if (activation[s] != null && !throughActivation) {
        activateBackward(activation[s], stageZ[s], stageY[s], g);
      }
      weightAndBiasGradients(stageInput[s], g, d);
      if (s == 0 && !inputGradient) {
        return null;
      }
      Tensor gx = stageInputGradient[s].like(stageInput[s]);
      throughActivation = s > 0 && fusesRelu(s - 1, gx) && d.weight().value().dtype() == gx.dtype();
      if (throughActivation) {
        productThroughRelu(d.weight().value(), g, stageZ[s - 1], gx);
      } else {
        d.weight().value().matmul(false, g, false, gx);
      }
      g = gx;
    }
    Tensor gx = modelInputGradient.get(g.cols(), g.rows(), g.dtype());
    g.transpose(gx);
    return gx;
  }

  /**
   * Whether stage s's activation is ReLU, run with its layer's product in one kernel call ({@link
   * MatrixKernels#gemmBiasRelu} forward, {@link MatrixKernels#gemmReluGradient} for the gradient
   * into it), for a stage whose matrices have {@code like}'s element type.
   */
  private boolean fusesRelu(int s, Tensor like) {
    Dense d = dense[s];
    return activation[s] instanceof BuiltinActivations.Relu
        && d.weight().value().dtype() == like.dtype() && d.bias().value().dtype() == like.dtype();
  }

  /**
   * Yᵀ = max(Wᵀ·Xᵀ + b, 0) into {@code z}, in one call to the kernel: the bits of the product, the
   * bias add and {@link Math#max} taken one after another, as {@link #addBiasAndActivate} does.
   */
  private static void productBiasAndRelu(Dense d, Tensor input, Tensor z) {
    Tensor w = d.weight().value();
    Tensor bias = d.bias().value();
    int units = z.rows();
    int n = z.cols();
    int in = input.rows();
    MatrixKernels kernels = Kernels.selected();
    if (z.dtype() == DType.FLOAT32) {
      kernels.gemmBiasRelu(true, false, units, n, in, w.floats(), 0, units, input.floats(), 0, n,
          bias.floats(), 0, z.floats(), 0, n);
    } else {
      kernels.gemmBiasRelu(true, false, units, n, in, w.doubles(), 0, units, input.doubles(), 0, n,
          bias.doubles(), 0, z.doubles(), 0, n);
    }
  }

  /**
   * ∂L/∂Yᵀ of the stage below, W·Gᶻ, times ReLU's derivative at that stage ({@code y}, where its
   * output is held), into {@code gx}, in one call to the kernel: the bits of the product and then of
   * {@link #activateBackward}.
   */
  private static void productThroughRelu(Tensor w, Tensor g, Tensor y, Tensor gx) {
    int in = gx.rows();
    int n = gx.cols();
    int units = g.rows();
    MatrixKernels kernels = Kernels.selected();
    if (gx.dtype() == DType.FLOAT32) {
      kernels.gemmReluGradient(false, false, in, n, units, w.floats(), 0, units, g.floats(), 0, n,
          y.floats(), gx.floats(), 0, n);
    } else {
      kernels.gemmReluGradient(false, false, in, n, units, w.doubles(), 0, units, g.doubles(), 0, n,
          y.doubles(), gx.doubles(), 0, n);
    }
  }

  /**
   * z[j, i] ← z[j, i] + bias[j], then y = f(z) unless f is null (no activation, y is z), row by
   * row, in one sweep where the activation fuses the two ({@link
   * ElementwiseActivation#forwardWithBias}).
   */
  private static void addBiasAndActivate(Tensor z, Tensor bias, ElementwiseActivation f, Tensor y) {
    int n = z.cols();
    if (z.dtype() == DType.FLOAT32) {
      float[] zs = z.floats();
      float[] ys = y.floats();
      float[] b = bias.floats();
      for (int j = 0; j < b.length; j++) {
        if (f == null) {
          addToRow(zs, j * n, n, b[j]);
        } else {
          f.forwardWithBias(zs, b[j], ys, j * n, j * n + n);
        }
      }
    } else {
      double[] zs = z.doubles();
      double[] ys = y.doubles();
      double[] b = bias.doubles();
      for (int j = 0; j < b.length; j++) {
        if (f == null) {
          addToRow(zs, j * n, n, b[j]);
        } else {
          f.forwardWithBias(zs, b[j], ys, j * n, j * n + n);
        }
      }
    }
  }

  private static void addToRow(float[] z, int from, int n, float b) {
    for (int i = from; i < from + n; i++) {
      z[i] = z[i] + b;
    }
  }

  private static void addToRow(double[] z, int from, int n, double b) {
    for (int i = from; i < from + n; i++) {
      z[i] = z[i] + b;
    }
  }

  /** g ← f′(z, y)·g in place. */
  private static void activateBackward(ElementwiseActivation f, Tensor z, Tensor y, Tensor g) {
    if (g.dtype() == DType.FLOAT32) {
      f.backward(z.floats(), y.floats(), g.floats(), g.floats(), 0, g.size());
    } else {
      f.backward(z.doubles(), y.doubles(), g.doubles(), g.doubles(), 0, g.size());
    }
  }

  /**
   * ∂L/∂W = Xᵀ·(Gᶻ)ᵀ and ∂L/∂b[j] = Σ_i Gᶻ[j, i] of stage d, from its input {@code x} and {@code g} =
   * Gᶻ, in one kernel call ({@link MatrixKernels#gemmWithColumnSums}): the bias gradient is the
   * product 1ᵀ·Gᵀ (a row of ones times each row of G), so a kernel that sums in order of the inner index
   * adds the examples from the first to the last, fma(1, g, s) rounding as g + s does, exactly as the
   * row-major path sums a column; the {@code vector} kernel sums each row in vector lanes instead of
   * one long dependent chain, while it reads the row for the weight gradient.
   */
  private static void weightAndBiasGradients(Tensor x, Tensor g, Dense d) {
    Tensor weightGrad = d.weight().grad();
    Tensor biasGrad = d.bias().grad();
    Shapes.sameDType("the weight gradient", x, g);
    Shapes.sameDType("the weight gradient", g, weightGrad);
    Shapes.sameDType("the bias gradient", g, biasGrad);
    int in = x.rows();
    int units = g.rows();
    int n = g.cols();
    MatrixKernels kernels = Kernels.selected();
    if (g.dtype() == DType.FLOAT32) {
      kernels.gemmWithColumnSums(false, true, in, units, n, x.floats(), 0, n, g.floats(), 0, n,
          weightGrad.floats(), 0, units, biasGrad.floats(), 0);
    } else {
      kernels.gemmWithColumnSums(false, true, in, units, n, x.doubles(), 0, n, g.doubles(), 0, n,
          weightGrad.doubles(), 0, units, biasGrad.doubles(), 0);
    }
  }
}
