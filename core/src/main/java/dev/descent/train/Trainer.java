package dev.descent.train;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Shuffle;
import dev.descent.nn.BatchBuffer;
import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training loop: repeated updates θ ← optimizer(θ, ∇J) with the gradient of an {@link
 * Objective} averaged over the batches a {@link GradientDescent} variant draws.
 *
 * <p>Each epoch shuffles the example order with a generator seeded from the configuration (the
 * full-batch variant, whose update does not depend on order, uses the data as it is), then walks
 * through it one batch at a time. After every update it records the objective; after every epoch
 * the epoch's mean objective and accuracy and, with a test set, the held-out objective and
 * accuracy. A non-finite objective stops training with a {@link TrainingDivergedException} naming
 * the update and where the non-finite values first appear. Batches are gathered into reused
 * buffers, so the steady-state update allocates no arrays. Not thread-safe.
 */
public final class Trainer {
  /** The most training rows a {@link DataDependentInitializer} is given. */
  public static final int INITIALIZATION_BATCH = 1024;

  private final Objective objective;
  private final Optimizer optimizer;
  private final TrainingConfig config;

  /** A trainer minimizing {@code objective} with {@code optimizer} as {@code config} says. */
  public Trainer(Objective objective, Optimizer optimizer, TrainingConfig config) {
    this.objective = objective;
    this.optimizer = optimizer;
    this.config = config;
  }

  /** Trains on {@code train}, evaluating on {@code test} (may be null) after each epoch. */
  public History fit(Dataset train, Dataset test) {
    if (train.size() == 0) {
      throw new DescentException("the training set is empty");
    }
    objective.checkTargets(train.features(), train.targets());
    if (test != null) {
      objective.checkTargets(test.features(), test.targets());
    }
    initializeFromData(train);
    int n = train.size();
    int batch = config.variant().batchSize(n);
    if (batch < 1 || batch > n) {
      throw new DescentException(String.format(
          "gradient-descent variant %s asks for batches of %d examples; expected 1..%d", config.variant().spec(), batch, n));
    }
    boolean fullBatch = batch == n;
    int perEpoch = (n + batch - 1) / batch;
    long totalUpdates = config.updates() > 0 ? config.updates() : (long) config.epochs() * perEpoch;
    History history = new History((int) Math.min(totalUpdates, 1 << 20));
    TrainingProgress progress = new TrainingProgress(objective.model(), optimizer, history);
    List<TrainingCallback> callbacks = config.callbacks();
    List<Parameter> parameters = objective.model().parameters();
    boolean classification = Metrics.isClassification(objective.loss());
    SplittableRandom random = new SplittableRandom(config.seed());
    int[] order = Shuffle.identity(n);
    BatchBuffer xBuffer = new BatchBuffer();
    BatchBuffer yBuffer = new BatchBuffer();
    long start = System.nanoTime();
    long update = 0;
    int epoch = 0;
    while (update < totalUpdates && progress.stopReason == null) {
      epoch++;
      progress.epoch = epoch;
      if (!fullBatch) {
        Shuffle.shuffle(order, random);
      }
      double lossSum = 0;
      long correct = 0;
      long predictions = 0;
      int seen = 0;
      for (int from = 0; from < n && update < totalUpdates && progress.stopReason == null; from += batch) {
        int count = Math.min(batch, n - from);
        Tensor x;
        Tensor y;
        if (fullBatch) {
          x = train.features();
          y = train.targets();
        } else {
          x = xBuffer.get(count, train.featureCount(), train.features().dtype());
          y = yBuffer.get(count, train.targets().cols(), train.targets().dtype());
          train.features().gatherRows(order, from, count, x);
          train.targets().gatherRows(order, from, count, y);
        }
        double loss = objective.computeGradients(x, y);
        if (!Double.isFinite(loss)) {
          throw new TrainingDivergedException(String.format(
              "training diverged at update %d (epoch %d): the objective is %s; non-finite values first appear in %s",
              update + 1, epoch, loss, objective.locateNonFinite(x)), update + 1, history);
        }
        if (classification) {
          correct += Metrics.correct(objective.loss(), objective.lastOutput(), y);
          predictions += Metrics.predictions(objective.loss(), objective.lastOutput());
        }
        progress.lastLoss = loss;
        for (int i = 0; i < callbacks.size(); i++) {
          callbacks.get(i).beforeStep(progress);
        }
        optimizer.step(parameters);
        update++;
        progress.update = update;
        history.recordUpdate(loss);
        lossSum += loss * count;
        seen += count;
        for (int i = 0; i < callbacks.size(); i++) {
          callbacks.get(i).onUpdateEnd(progress);
        }
      }
      Evaluation held = test == null ? null : evaluate(test);
      history.recordEpoch(lossSum / seen, classification ? (double) correct / predictions : Double.NaN,
          held == null ? Double.NaN : held.loss(), held == null ? Double.NaN : held.accuracy(),
          update, (System.nanoTime() - start) / 1e9);
      for (int i = 0; i < callbacks.size(); i++) {
        callbacks.get(i).onEpochEnd(progress);
      }
      if (config.epochs() > 0 && epoch >= config.epochs()) {
        break;
      }
    }
    if (progress.stopReason != null) {
      history.stopped(progress.stopReason);
    }
    return history;
  }

  private void initializeFromData(Dataset train) {
    java.util.Set<DataDependentInitializer> done = new java.util.LinkedHashSet<>();
    for (dev.descent.nn.Layer layer : objective.model().layers()) {
      if (layer instanceof dev.descent.nn.Dense dense
          && dense.weightInitializer() instanceof DataDependentInitializer init && done.add(init)) {
        init.initialize(objective.model(), train.head(INITIALIZATION_BATCH).features());
      }
    }
  }

  /** The objective and accuracy of the model on {@code data}, in inference mode. */
  public Evaluation evaluate(Dataset data) {
    return evaluate(objective, data);
  }

  /** The objective and accuracy of {@code objective}'s model on {@code data}, in inference mode. */
  public static Evaluation evaluate(Objective objective, Dataset data) {
    double loss = objective.value(data.features(), data.targets(), false);
    double accuracy = Metrics.accuracy(objective.loss(), objective.lastOutput(), data.targets());
    return new Evaluation(loss, accuracy);
  }
}
