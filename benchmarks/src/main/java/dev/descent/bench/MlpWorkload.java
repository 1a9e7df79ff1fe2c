package dev.descent.bench;

import dev.descent.DescentException;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.Objective;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The MLP training workload of the benchmarks: the 784-256-128-10 network (relu hidden units,
 * linear output) under softmax cross-entropy on the logits (PyTorch's {@code CrossEntropyLoss}),
 * float32, trained with Adam (lr = 10⁻³, β = (0.9, 0.999), ε = 10⁻⁸) on {@value #EXAMPLES}
 * synthetic examples (features drawn from N(0, 1), labels uniform over the 10 classes) cut into
 * consecutive batches of {@code batch} rows, visited in turn.
 *
 * <p>One {@link #step()} is one full training step: forward pass, loss, backward pass and the Adam
 * update, exactly what {@link dev.descent.train.Trainer} does per update, without the shuffling and
 * the bookkeeping around it (the PyTorch script {@code benchmarks/python/mlp_throughput.py} times
 * the same loop). Weights and biases start as a fresh {@code torch.nn.Linear}'s
 * ({@code pytorch_linear_default}). Only speed is measured, so the data are random on each side.
 * Mutable, not thread-safe.
 */
public final class MlpWorkload {
  /** The layer widths, input to output. */
  public static final int[] WIDTHS = {784, 256, 128, 10};

  /** The number of synthetic examples, the same for every batch size and on the PyTorch side. */
  public static final int EXAMPLES = 8192;

  /** The optimizer spec. */
  public static final String OPTIMIZER = "adam(lr=0.001)";

  private final int batch;
  private final Objective objective;
  private final Optimizer optimizer;
  private final List<Parameter> parameters;
  private final Tensor[] features;
  private final Tensor[] labels;
  private int next;

  private MlpWorkload(int batch, Objective objective, Optimizer optimizer, Tensor[] features, Tensor[] labels) {
    this.batch = batch;
    this.objective = objective;
    this.optimizer = optimizer;
    this.parameters = objective.model().parameters();
    this.features = features;
    this.labels = labels;
  }

  /**
   * A fresh network, optimizer and data set in batches of {@code batch} rows (1 to {@value #EXAMPLES},
   * a divisor of it), everything drawn from {@code seed}.
   */
  public static MlpWorkload create(int batch, long seed) {
    if (batch < 1 || batch > EXAMPLES || EXAMPLES % batch != 0) {
      throw new DescentException(String.format(
          "mlp workload: parameter 'batch' must divide %d (1, 2, 4, ..., %d), got %d", EXAMPLES, EXAMPLES, batch));
    }
    SplittableRandom random = new SplittableRandom(seed);
    int inputs = WIDTHS[0];
    int classes = WIDTHS[WIDTHS.length - 1];
    Sequential model = Mlp.of(new int[] {WIDTHS[1], WIDTHS[2]}, "relu", classes, "linear",
        "pytorch_linear_default", "pytorch_linear_default");
    model.build(inputs, DType.FLOAT32, random.split());
    Objective objective = new Objective(model, Losses.resolve("cross_entropy"), 0);
    int batches = EXAMPLES / batch;
    Tensor[] x = new Tensor[batches];
    Tensor[] y = new Tensor[batches];
    for (int b = 0; b < batches; b++) {
      x[b] = Tensor.zeros(DType.FLOAT32, batch, inputs);
      y[b] = Tensor.zeros(DType.FLOAT32, batch, 1);
      for (int i = 0; i < batch * inputs; i++) {
        x[b].set(i, random.nextGaussian());
      }
      for (int i = 0; i < batch; i++) {
        y[b].set(i, random.nextInt(classes));
      }
    }
    return new MlpWorkload(batch, objective, Optimizers.resolve(OPTIMIZER), x, y);
  }

  /** The batch size. */
  public int batch() {
    return batch;
  }

  /** The objective (model and loss). */
  public Objective objective() {
    return objective;
  }

  /** One training step on the next batch; returns the batch's loss before the update. */
  public double step() {
    int b = next;
    next = b + 1 == features.length ? 0 : b + 1;
    double loss = objective.computeGradients(features[b], labels[b]);
    optimizer.step(parameters);
    return loss;
  }
}
