package dev.descent.train;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.nn.BatchBuffer;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.Tensor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The training loop: repeated updates θ ← optimizer(θ, ∇J) with the gradient of an {@link
 * Objective} averaged over the batches a {@link GradientDescent} variant draws.
 *
 * <p>Each epoch shuffles the example order with a generator seeded from the configuration (the
 * full-batch variant, whose update does not depend on order, uses the data as it is), then walks
 * through it one batch at a time. After every update it records the objective; after every epoch
 * the epoch's mean objective and accuracy and, with a test set, the held-out objective and
 * accuracy. A NaN or infinite objective or gradient is handled as the configuration's {@link
 * NonFinitePolicy} says: by default training stops with a {@link TrainingDivergedException} naming
 * the update and where the non-finite values first appear. Batches are gathered into reused
 * buffers, so the steady-state update allocates no arrays.
 *
 * <p>A run can be resumed: {@link TrainingProgress#state()} records where it stands after any
 * update, and {@link #fit(Dataset, Dataset, TrainingState)} with that state (and the model and
 * optimizer restored to the same moment) continues bit for bit as the uninterrupted run, whatever
 * the variant and optimizer. Not thread-safe.
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
    return fit(train, test, null);
  }

  /**
   * Trains on {@code train}, evaluating on {@code test} (may be null) after each epoch, continuing
   * from {@code resume} when it is not null (the model and optimizer must already hold the state
   * they had when {@code resume} was taken; data-dependent initialization is then not run again).
   */
  public History fit(Dataset train, Dataset test, TrainingState resume) {
    if (train.size() == 0) {
      throw new DescentException("the training set is empty");
    }
    objective.checkTargets(train.features(), train.targets());
    if (test != null) {
      objective.checkTargets(test.features(), test.targets());
    }
    int n = train.size();
    int batch = config.variant().batchSize(n);
    if (batch < 1 || batch > n) {
      throw new DescentException(String.format(
          "gradient-descent variant %s asks for batches of %d examples; expected 1..%d", config.variant().spec(), batch, n));
    }
    long updatesPerEpoch = (n + batch - 1) / batch;
    long totalUpdates = config.updates() > 0 ? config.updates() : config.epochs() * updatesPerEpoch;
    List<TrainingCallback> callbacks = config.callbacks();
    TrainingRun run;
    if (resume == null) {
      initializeFromData(train);
      long epochs = config.epochs() > 0 ? config.epochs() : (totalUpdates + updatesPerEpoch - 1) / updatesPerEpoch;
      run = new TrainingRun(objective.model(), optimizer, callbacks, n, config.seed(), totalUpdates, epochs);
    } else {
      run = TrainingRun.resume(objective.model(), optimizer, callbacks, n, resume);
    }
    loop(run, train, test, batch, totalUpdates);
    if (run.stopReason != null) {
      run.history.stopped(run.stopReason);
    }
    return run.history;
  }

  private void loop(TrainingRun run, Dataset train, Dataset test, int batch, long totalUpdates) {
    int n = train.size();
    boolean fullBatch = batch == n;
    List<TrainingCallback> callbacks = config.callbacks();
    List<Parameter> parameters = objective.model().parameters();
    boolean classification = Metrics.isClassification(objective.loss());
    BatchBuffer xBuffer = new BatchBuffer();
    BatchBuffer yBuffer = new BatchBuffer();
    run.start();
    while (run.update < totalUpdates && run.stopReason == null) {
      if (run.epoch == 0 || run.epochEnded) {
        run.beginEpoch(!fullBatch);
      }
      while (run.position < n && run.update < totalUpdates && run.stopReason == null) {
        int count = Math.min(batch, n - run.position);
        Tensor x;
        Tensor y;
        if (fullBatch) {
          x = train.features();
          y = train.targets();
        } else {
          x = xBuffer.get(count, train.featureCount(), train.features().dtype());
          y = yBuffer.get(count, train.targets().cols(), train.targets().dtype());
          train.features().gatherRows(run.order, run.position, count, x);
          train.targets().gatherRows(run.order, run.position, count, y);
        }
        double loss = objective.computeGradients(x, y);
        String fault = nonFinite(loss, x, parameters);
        if (fault != null) {
          skipOrStop(run, loss, fault);
          run.position += count;
          continue;
        }
        if (classification) {
          run.correct += Metrics.correct(objective.loss(), objective.lastOutput(), y);
          run.predictions += Metrics.predictions(objective.loss(), objective.lastOutput());
        }
        run.lastLoss = loss;
        for (int i = 0; i < callbacks.size(); i++) {
          callbacks.get(i).beforeStep(run.progress);
        }
        optimizer.step(parameters);
        run.update++;
        run.position += count;
        run.history.recordUpdate(loss);
        run.lossSum += loss * count;
        run.seen += count;
        for (int i = 0; i < callbacks.size(); i++) {
          callbacks.get(i).onUpdateEnd(run.progress);
        }
      }
      if (run.seen == 0) {
        throw new TrainingDivergedException(String.format(
            "every batch of epoch %d was skipped because of non-finite values; the last: %s", run.epoch,
            run.lastFault), run.update, run.history);
      }
      Evaluation held = test == null ? null : evaluate(test);
      run.history.recordEpoch(run.lossSum / run.seen,
          classification ? (double) run.correct / run.predictions : Double.NaN,
          held == null ? Double.NaN : held.loss(), held == null ? Double.NaN : held.accuracy(),
          run.update, run.seconds());
      run.epochEnded = true;
      for (int i = 0; i < callbacks.size(); i++) {
        callbacks.get(i).onEpochEnd(run.progress);
      }
      if (config.epochs() > 0 && run.epoch >= config.epochs()) {
        break;
      }
    }
  }

  /** Where a non-finite objective or gradient first appears, or null when all is finite. */
  private String nonFinite(double loss, Tensor x, List<Parameter> parameters) {
    if (!Double.isFinite(loss)) {
      return "the objective is " + loss + "; non-finite values first appear in " + objective.locateNonFinite(x);
    }
    String parameter = GradientScan.firstNonFinite(parameters);
    return parameter == null ? null : "the gradient of " + parameter + " is not finite (the objective is " + loss + ")";
  }

  private void skipOrStop(TrainingRun run, double loss, String fault) {
    if (config.nonFinite() == NonFinitePolicy.STOP) {
      throw new TrainingDivergedException(String.format("training diverged at update %d (epoch %d): %s",
          run.update + 1, run.epoch, fault), run.update + 1, run.history);
    }
    run.skipped++;
    run.lastFault = String.format("update %d (epoch %d): %s", run.update + 1, run.epoch, fault);
  }

  private void initializeFromData(Dataset train) {
    Set<DataDependentInitializer> done = new LinkedHashSet<>();
    for (Layer layer : objective.model().layers()) {
      if (layer instanceof Dense dense
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
