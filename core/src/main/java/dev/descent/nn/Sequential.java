package dev.descent.nn;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A stack of layers applied in order; itself a {@link Layer}. Parameters are named as in PyTorch's
 * {@code nn.Sequential}: the layer's index, a dot and the layer's own name ({@code 0.weight},
 * {@code 0.bias}, {@code 2.weight}, …). Mutable, not thread-safe.
 *
 * <p>A {@link Dense} layer directly followed by an {@link ActivationLayer} with a built-in
 * elementwise activation runs as one stage: x·W, then the bias add and the activation in one sweep
 * ({@link ActivationLayer#forwardWithBias}); backward, the activation's derivative and the bias
 * gradient in one sweep, then the two products. Both layers end in the same state, with the same
 * outputs and gradients bit for bit, as when run one after the other.
 *
 * <p>A model of narrow dense layers (each alone or followed by a built-in elementwise activation,
 * none wider than {@value FeatureMajorStack#MAX_WIDTH} features) given a batch of at least {@value
 * FeatureMajorStack#MIN_BATCH} examples runs as a {@link FeatureMajorStack}, its activations held
 * with the examples along the rows, where every step fills whole vectors; the results are those of
 * the row-major path up to the rounding of the matrix kernel's sums (bit for bit with the
 * {@code reference} and {@code blocked} kernels, which sum every product term in order; not with
 * {@code vector}'s dot-product path or a system BLAS). Its layers then keep no state of their own for
 * a backward pass: the model's backward pass is the stack's.
 */
public final class Sequential implements Layer {
  private final ImmutableList<Layer> layers;
  /** {@code fused[i]}: layer i is a dense layer run fused with the activation layer i + 1. */
  private final boolean[] fused;
  /**
   * {@code stacks[count]}: the feature-major stack of the first count layers, null when they form
   * none; set by {@link #build}.
   */
  private final FeatureMajorStack[] stacks;
  /** The stack that ran the last forward pass, or null when it ran layer by layer. */
  private FeatureMajorStack lastStack;
  private int lastCount;
  private List<Parameter> parameters = List.of();
  private int inputSize = -1;
  private DType dtype;

  /** A model of {@code layers}, in order. */
  public Sequential(List<? extends Layer> layers) {
    if (layers.isEmpty()) {
      throw new DescentException("a sequential model needs at least one layer");
    }
    this.layers = ImmutableList.copyOf(layers);
    this.fused = new boolean[this.layers.size()];
    this.stacks = new FeatureMajorStack[this.layers.size() + 1];
    for (int i = 0; i + 1 < fused.length; i++) {
      fused[i] = this.layers.get(i) instanceof Dense
          && this.layers.get(i + 1) instanceof ActivationLayer a && a.fusesWithDense();
    }
  }

  /** A model of {@code layers}, in order. */
  public static Sequential of(Layer... layers) {
    return new Sequential(List.of(layers));
  }

  /** The layers, in order. */
  public ImmutableList<Layer> layers() {
    return layers;
  }

  /** The number of input features, once built. */
  public int inputSize() {
    return inputSize;
  }

  /** The element type, once built. */
  public DType dtype() {
    return dtype;
  }

  /** Whether {@link #build} has run. */
  public boolean isBuilt() {
    return inputSize >= 0;
  }

  @Override
  public String kind() {
    return "sequential";
  }

  @Override
  public String spec() {
    StringBuilder b = new StringBuilder("sequential(");
    for (int i = 0; i < layers.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(layers.get(i).spec());
    }
    return b.append(')').toString();
  }

  @Override
  public int outputSize(int inputSize) {
    int size = inputSize;
    for (Layer layer : layers) {
      size = layer.outputSize(size);
    }
    return size;
  }

  /** Builds every layer for {@code inputSize} features, drawing initial weights from {@code random}. */
  public Sequential build(int inputSize, DType dtype, RandomGenerator random) {
    build(new LayerContext("", inputSize, dtype, random, "linear"));
    return this;
  }

  @Override
  public void build(LayerContext context) {
    if (context.inputSize() < 1) {
      throw new DescentException("a model needs at least one input feature, got " + context.inputSize());
    }
    this.inputSize = context.inputSize();
    this.dtype = context.dtype();
    List<Parameter> all = new ArrayList<>();
    int size = inputSize;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String next = nextActivation(i);
      layer.build(new LayerContext(context.prefix() + i + ".", size, dtype, context.random(), next));
      all.addAll(layer.parameters());
      size = layer.outputSize(size);
    }
    this.parameters = List.copyOf(all);
    for (int count = 0; count < stacks.length; count++) {
      stacks[count] = FeatureMajorStack.of(layers, count, inputSize);
    }
  }

  /**
   * The activation after layer {@code i}, looking past dropout; {@code linear} when none or the
   * identity follows.
   */
  private String nextActivation(int i) {
    for (int j = i + 1; j < layers.size(); j++) {
      Layer next = layers.get(j);
      if (next instanceof ActivationLayer a) {
        return a.activation() instanceof BuiltinActivations.Identity ? "linear" : a.activation().name();
      }
      if (!(next instanceof Dropout)) {
        break;
      }
    }
    return "linear";
  }

  @Override
  public Tensor forward(Tensor input, boolean training) {
    return forward(input, training, layers.size());
  }

  /** The output of the first {@code count} layers. */
  public Tensor forward(Tensor input, boolean training, int count) {
    if (!isBuilt()) {
      throw new IllegalStateException("model used before build()");
    }
    if (input.cols() != inputSize) {
      throw new DescentException(
          String.format("the model expects %d input features, got data of shape %s", inputSize, input.shape()));
    }
    if (input.dtype() != dtype) {
      throw new DescentException(
          String.format("the model is %s, got %s data", dtype.label(), input.dtype().label()));
    }
    lastCount = count;
    lastStack = FeatureMajorStack.takes(input.rows()) ? stacks[count] : null;
    if (lastStack != null) {
      return lastStack.forward(input);
    }
    Tensor x = input;
    for (int i = 0; i < count; i++) {
      if (fused[i] && i + 1 < count) {
        Dense dense = (Dense) layers.get(i);
        x = ((ActivationLayer) layers.get(i + 1)).forwardWithBias(dense.forwardWithoutBias(x), dense.bias().value());
        i++;
      } else {
        x = layers.get(i).forward(x, training);
      }
    }
    return x;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    return backward(gradOutput, layers.size());
  }

  /** Backpropagates {@code gradOutput}, the gradient at the output of layer {@code count − 1}, to the input. */
  public Tensor backward(Tensor gradOutput, int count) {
    return backward(gradOutput, count, true);
  }

  /**
   * Sets every parameter gradient of the first {@code count} layers by backpropagating {@code
   * gradOutput}, the gradient at the output of layer {@code count − 1}, without computing the
   * gradient with respect to the model's input: a first dense layer skips its product G·Wᵀ, the
   * largest of the backward pass when the input is wide.
   */
  public void backwardToParameters(Tensor gradOutput, int count) {
    backward(gradOutput, count, false);
  }

  private Tensor backward(Tensor gradOutput, int count, boolean inputGradient) {
    if (lastStack != null && count == lastCount) {
      return lastStack.backward(gradOutput, inputGradient);
    }
    Tensor g = gradOutput;
    for (int i = count - 1; i >= 0; i--) {
      if (i >= 1 && fused[i - 1]) {
        Dense dense = (Dense) layers.get(i - 1);
        Tensor gz = ((ActivationLayer) layers.get(i)).backwardWithBiasGradient(g, dense.bias().grad());
        g = dense.backward(gz, false, inputGradient || i > 1);
        i--;
      } else if (i == 0 && !inputGradient && layers.get(0) instanceof Dense dense) {
        g = dense.backward(g, true, false);
      } else {
        g = layers.get(i).backward(g);
      }
    }
    return g;
  }

  /** Whether the last forward pass ran through a {@link FeatureMajorStack}. */
  boolean ranFeatureMajor() {
    return lastStack != null;
  }

  /** The model's outputs in inference mode. */
  public Tensor predict(Tensor input) {
    return forward(input, false);
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The total number of trainable values. */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : parameters) {
      n += p.value().size();
    }
    return n;
  }

  /** One line per layer: index, spec and output size. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    int size = inputSize;
    for (int i = 0; i < layers.size(); i++) {
      size = layers.get(i).outputSize(size);
      b.append(String.format("%3d  %-60s -> %d%n", i, layers.get(i).spec(), size));
    }
    return b.append(String.format("     %d parameters%n", parameterCount())).toString();
  }
}
