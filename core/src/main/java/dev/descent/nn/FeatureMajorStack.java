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
 * copies against the O(n·width²) of the products. The stack's own matrices place their rows by the
 * JVM's {@link RowLayout}, each on a cache line when the JVM aligns arrays to lines, so that the
 * kernels' vectors along them are aligned accesses.
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
  private final PaddedMatrix[] preActivation;
  private final PaddedMatrix[] postActivation;
  private final PaddedMatrix[] stageInputGradient;
  private final PaddedMatrix[] stageInput;
  private final PaddedMatrix[] stageZ;
  private final PaddedMatrix[] stageY;
  private final PaddedMatrix transposedInput;
  private final PaddedMatrix outputGradient;
  private final BatchBuffer output = new BatchBuffer();
  private final BatchBuffer modelInputGradient = new BatchBuffer();

  private FeatureMajorStack(Dense[] dense, ElementwiseActivation[] activation, RowLayout layout) {
    this.dense = dense;
    this.activation = activation;
    int stages = dense.length;
    preActivation = matrices(stages, layout);
    postActivation = matrices(stages, layout);
    stageInputGradient = matrices(stages, layout);
    stageInput = new PaddedMatrix[stages];
    stageZ = new PaddedMatrix[stages];
    stageY = new PaddedMatrix[stages];
    transposedInput = new PaddedMatrix(layout);
    outputGradient = new PaddedMatrix(layout);
  }

  private static PaddedMatrix[] matrices(int count, RowLayout layout) {
    PaddedMatrix[] m = new PaddedMatrix[count];
    for (int i = 0; i < count; i++) {
      m[i] = new PaddedMatrix(layout);
    }
    return m;
  }

  /**
   * The stack for the first {@code count} of the built {@code layers}, or null when they are not
   * all dense layers, each alone or followed by a built-in elementwise activation, no wider than
   * {@value #MAX_WIDTH} features in and out; its matrices are laid out as this JVM's {@link
   * RowLayout#ofThisJvm()}.
   */
  static FeatureMajorStack of(List<Layer> layers, int count, int inputSize) {
    return of(layers, count, inputSize, RowLayout.ofThisJvm());
  }

  /** As {@link #of(List, int, int)}, with the matrices laid out by {@code layout}. */
  static FeatureMajorStack of(List<Layer> layers, int count, int inputSize, RowLayout layout) {
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
    return new FeatureMajorStack(dense, activation, layout);
  }

  /** Whether a batch of {@code rows} examples runs faster here than layer by layer. */
  static boolean takes(int rows) {
    return rows >= MIN_BATCH;
  }

  /**
   * The stack's output for {@code x} ({@code [batch, in]}), as {@code [batch, out]}; {@link
   * Sequential} has checked that x has the model's input width and element type.
   */
  Tensor forward(Tensor x) {
    int n = x.rows();
    DType dtype = x.dtype();
    PaddedMatrix t = transposedInput.transposeOf(x);
    for (int s = 0; s < dense.length; s++) {
      Dense d = dense[s];
      PaddedMatrix z = preActivation[s].shape(d.units(), n, dtype);
      stageInput[s] = t;
      stageZ[s] = z;
      if (activation[s] instanceof BuiltinActivations.Relu) {
        productBiasAndRelu(d, t, z);
        t = z;
      } else {
        product(true, d.weight().value(), t, z);
        t = activation[s] == null || activation[s].derivativeFromOutput() ? z : postActivation[s].shapeLike(z);
        addBiasAndActivate(z, d.bias().value(), activation[s], t);
      }
      stageY[s] = t;
    }
    Tensor y = output.get(n, t.rows(), dtype);
    t.transposeInto(y);
    return y;
  }

  /**
   * Sets the parameter gradients of every layer from {@code gradOutput} ({@code [batch, out]}), the
   * gradient at the output of the last {@link #forward}; returns the gradient with respect to that
   * forward's input when {@code inputGradient}, else null.
   */
  Tensor backward(Tensor gradOutput, boolean inputGradient) {
    PaddedMatrix last = stageY[dense.length - 1];
    Shapes.matrix("backward", "the output gradient", gradOutput, last.cols(), last.rows());
    Shapes.sameDType("backward", gradOutput, dense[0].weight().value());
    PaddedMatrix g = outputGradient.transposeOf(gradOutput);
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
      PaddedMatrix gx = stageInputGradient[s].shapeLike(stageInput[s]);
      throughActivation = s > 0 && activation[s - 1] instanceof BuiltinActivations.Relu;
      if (throughActivation) {
        productThroughRelu(d.weight().value(), g, stageZ[s - 1], gx);
      } else {
        product(false, d.weight().value(), g, gx);
      }
      g = gx;
    }
    Tensor gx = modelInputGradient.get(g.cols(), g.rows(), g.dtype());
    g.transposeInto(gx);
    return gx;
  }

  /**
   * out ← op(W)·in: Wᵀ·Xᵀ forward ({@code transposeW}), W·Gᶻ backward, as {@link Tensor#matmul}
   * computes it, with the matrices' offsets and strides.
   */
  private static void product(boolean transposeW, Tensor w, PaddedMatrix in, PaddedMatrix out) {
    int m = out.rows();
    int n = out.cols();
    int k = in.rows();
    int ldw = w.cols();
    MatrixKernels kernels = Kernels.selected();
    if (out.dtype() == DType.FLOAT32) {
      kernels.gemm(transposeW, false, m, n, k, 1f, w.floats(), 0, ldw, in.floats(), in.offset(), in.stride(),
          0f, out.floats(), out.offset(), out.stride());
    } else {
      kernels.gemm(transposeW, false, m, n, k, 1, w.doubles(), 0, ldw, in.doubles(), in.offset(), in.stride(),
          0, out.doubles(), out.offset(), out.stride());
    }
  }

  /**
   * Yᵀ = max(Wᵀ·Xᵀ + b, 0) into {@code z}, in one call to the kernel: the bits of the product, the
   * bias add and {@link Math#max} taken one after another, as {@link #addBiasAndActivate} does.
   */
  private static void productBiasAndRelu(Dense d, PaddedMatrix input, PaddedMatrix z) {
    Tensor w = d.weight().value();
    Tensor bias = d.bias().value();
    int units = z.rows();
    int n = z.cols();
    int in = input.rows();
    MatrixKernels kernels = Kernels.selected();
    if (z.dtype() == DType.FLOAT32) {
      kernels.gemmBiasRelu(true, false, units, n, in, w.floats(), 0, units, input.floats(), input.offset(),
          input.stride(), bias.floats(), 0, z.floats(), z.offset(), z.stride());
    } else {
      kernels.gemmBiasRelu(true, false, units, n, in, w.doubles(), 0, units, input.doubles(), input.offset(),
          input.stride(), bias.doubles(), 0, z.doubles(), z.offset(), z.stride());
    }
  }

  /**
   * ∂L/∂Yᵀ of the stage below, W·Gᶻ, times ReLU's derivative at that stage ({@code y}, where its
   * output is held), into {@code gx}, in one call to the kernel: the bits of the product and then of
   * {@link #activateBackward}. {@code y} and {@code gx} have one shape, so one layout.
   */
  private static void productThroughRelu(Tensor w, PaddedMatrix g, PaddedMatrix y, PaddedMatrix gx) {
    int in = gx.rows();
    int n = gx.cols();
    int units = g.rows();
    MatrixKernels kernels = Kernels.selected();
    if (gx.dtype() == DType.FLOAT32) {
      kernels.gemmReluGradient(false, false, in, n, units, w.floats(), 0, units, g.floats(), g.offset(), g.stride(),
          y.floats(), gx.floats(), gx.offset(), gx.stride());
    } else {
      kernels.gemmReluGradient(false, false, in, n, units, w.doubles(), 0, units, g.doubles(), g.offset(),
          g.stride(), y.doubles(), gx.doubles(), gx.offset(), gx.stride());
    }
  }

  /**
   * z[j, i] ← z[j, i] + bias[j], then y = f(z) unless f is null (no activation, y is z), row by
   * row, in one sweep where the activation fuses the two ({@link
   * ElementwiseActivation#forwardWithBias}).
   */
  private static void addBiasAndActivate(PaddedMatrix z, Tensor bias, ElementwiseActivation f, PaddedMatrix y) {
    int n = z.cols();
    if (z.dtype() == DType.FLOAT32) {
      float[] zs = z.floats();
      float[] ys = y.floats();
      float[] b = bias.floats();
      for (int j = 0; j < b.length; j++) {
        int from = z.rowStart(j);
        if (f == null) {
          addToRow(zs, from, n, b[j]);
        } else {
          f.forwardWithBias(zs, b[j], ys, from, from + n);
        }
      }
    } else {
      double[] zs = z.doubles();
      double[] ys = y.doubles();
      double[] b = bias.doubles();
      for (int j = 0; j < b.length; j++) {
        int from = z.rowStart(j);
        if (f == null) {
          addToRow(zs, from, n, b[j]);
        } else {
          f.forwardWithBias(zs, b[j], ys, from, from + n);
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

  /** g ← f′(z, y)·g in place, row by row ({@code z}, {@code y} and {@code g} have one shape, so one layout). */
  private static void activateBackward(ElementwiseActivation f, PaddedMatrix z, PaddedMatrix y, PaddedMatrix g) {
    int n = g.cols();
    for (int j = 0; j < g.rows(); j++) {
      int from = g.rowStart(j);
      if (g.dtype() == DType.FLOAT32) {
        f.backward(z.floats(), y.floats(), g.floats(), g.floats(), from, from + n);
      } else {
        f.backward(z.doubles(), y.doubles(), g.doubles(), g.doubles(), from, from + n);
      }
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
  private static void weightAndBiasGradients(PaddedMatrix x, PaddedMatrix g, Dense d) {
    Tensor weightGrad = d.weight().grad();
    Tensor biasGrad = d.bias().grad();
    Shapes.sameDType("the weight gradient", d.weight().value(), weightGrad);
    Shapes.sameDType("the bias gradient", d.weight().value(), biasGrad);
    int in = x.rows();
    int units = g.rows();
    int n = g.cols();
    MatrixKernels kernels = Kernels.selected();
    if (g.dtype() == DType.FLOAT32) {
      kernels.gemmWithColumnSums(false, true, in, units, n, x.floats(), x.offset(), x.stride(), g.floats(),
          g.offset(), g.stride(), weightGrad.floats(), 0, units, biasGrad.floats(), 0);
    } else {
      kernels.gemmWithColumnSums(false, true, in, units, n, x.doubles(), x.offset(), x.stride(), g.doubles(),
          g.offset(), g.stride(), weightGrad.doubles(), 0, units, biasGrad.doubles(), 0);
    }
  }
}
