package dev.descent.nn;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.tensor.Shapes;
import dev.descent.tensor.Tensor;
import java.util.List;

/**
 * A fully connected layer: y = x·W + b, with W of shape {@code [in, units]} (Keras's kernel layout;
 * PyTorch's {@code nn.Linear} stores Wᵀ) and b of shape {@code [units]}.
 *
 * <p>Backward, for a batch x of shape {@code [n, in]} and upstream gradient G = ∂L/∂y:
 * ∂L/∂W = xᵀ·G, ∂L/∂b = Σ_rows G, ∂L/∂x = G·Wᵀ. The weight and bias initializers are chosen by
 * spec (by default {@code auto}, which picks a scheme for the activation that follows); the weight
 * initializer is asked {@link Initializer#forActivation} for that activation. Mutable, not thread-safe.
 *
 * <p>Inside a {@link Sequential}, a dense layer followed by a built-in elementwise activation runs
 * fused with it: the bias add joins the activation's sweep, and the bias gradient the
 * derivative's (see {@link ActivationLayer}); as the first layer of a model being trained it skips
 * ∂L/∂x, which nothing uses (see {@link Sequential#backwardToParameters}).
 */
public final class Dense implements Layer {
  /** The weight initializer used when none is given. */
  public static final String DEFAULT_WEIGHT_INIT = "auto";

  /** The bias initializer used when none is given. */
  public static final String DEFAULT_BIAS_INIT = "zeros";

  private final int units;
  private final Initializer weightInit;
  private final Initializer biasInit;
  private int inputSize = -1;
  private Parameter weight;
  private Parameter bias;
  private Tensor input;
  private final BatchBuffer output = new BatchBuffer();
  private final BatchBuffer gradInput = new BatchBuffer();

  /** A layer of {@code units} outputs with the given initializers. */
  public Dense(int units, Initializer weightInit, Initializer biasInit) {
    if (units < 1) {
      throw new DescentException("dense: parameter 'units' must be an integer ≥ 1, got " + units);
    }
    this.units = units;
    this.weightInit = weightInit;
    this.biasInit = biasInit;
  }

  /** A layer of {@code units} outputs whose initializers are resolved from specs. */
  public static Dense of(int units, String weightInit, String biasInit) {
    return new Dense(units, Initializers.resolve(weightInit), Initializers.resolve(biasInit));
  }

  /** A layer of {@code units} outputs with the default initializers. */
  public static Dense of(int units) {
    return of(units, DEFAULT_WEIGHT_INIT, DEFAULT_BIAS_INIT);
  }

  @Override
  public String kind() {
    return "dense";
  }

  @Override
  public String spec() {
    return String.format("dense(units=%d, weight_init='%s', bias_init='%s')", units, weightInit.spec(), biasInit.spec());
  }

  /** The number of outputs. */
  public int units() {
    return units;
  }

  /** The weight initializer as configured (before adapting to the activation). */
  public Initializer weightInitializer() {
    return weightInit;
  }

  @Override
  public int outputSize(int inputSize) {
    return units;
  }

  @Override
  public void build(LayerContext context) {
    inputSize = context.inputSize();
    Fans fans = Fans.dense(inputSize, units);
    weight = Parameter.of(context.prefix() + "weight", Tensor.zeros(context.dtype(), inputSize, units), true);
    bias = Parameter.of(context.prefix() + "bias", Tensor.zeros(context.dtype(), dev.descent.tensor.Shape.of(units)), false);
    weightInit.forActivation(context.nextActivation()).fill(weight.value(), fans, context.random());
    biasInit.fill(bias.value(), fans, context.random());
  }

  /** The weight parameter, {@code [in, units]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias parameter, {@code [units]}. */
  public Parameter bias() {
    return bias;
  }

  @Override
  public Tensor forward(Tensor x, boolean training) {
    Tensor y = forwardWithoutBias(x);
    y.addRow(bias.value(), y);
    return y;
  }

  /**
   * x·W into the output buffer, without the bias: the first half of the forward pass, which
   * {@link Sequential} completes with {@link ActivationLayer#forwardWithBias} when a built-in
   * activation follows.
   */
  Tensor forwardWithoutBias(Tensor x) {
    if (weight == null) {
      throw new IllegalStateException("dense layer used before build()");
    }
    if (x.cols() != inputSize) {
      throw new DescentException(
          String.format("dense: input has shape %s, but the layer expects %d features", x.shape(), inputSize));
    }
    Tensor y = output.get(x.rows(), units, x.dtype());
    x.matmul(weight.value(), y);
    input = x;
    return y;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    return backward(gradOutput, true, true);
  }

  /**
   * The backward pass for upstream gradient G: ∂L/∂W = xᵀ·G always, ∂L/∂b = Σ_rows G when {@code
   * biasGradient} (the fused activation has already set it otherwise), and ∂L/∂x = G·Wᵀ when {@code
   * inputGradient}, else {@code null} (the first layer of a model, whose input needs no gradient).
   */
  Tensor backward(Tensor gradOutput, boolean biasGradient, boolean inputGradient) {
    Shapes.matrix("dense backward", "the output gradient", gradOutput, input.rows(), units);
    input.matmul(true, gradOutput, false, weight.grad());
    if (biasGradient) {
      gradOutput.columnSums(bias.grad(), 1, 0);
    }
    if (!inputGradient) {
      return null;
    }
    Tensor gx = gradInput.get(input.rows(), inputSize, input.dtype());
    gradOutput.matmul(false, weight.value(), true, gx);
    return gx;
  }

  @Override
  public List<Parameter> parameters() {
    return weight == null ? List.of() : List.of(weight, bias);
  }
}
