package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.data.Shuffle;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.loss.Losses;
import dev.descent.nn.Activations;
import dev.descent.nn.BatchBuffer;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import dev.descent.testing.ThreadAllocation;
import dev.descent.testing.TestSgd;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The steady-state training step allocates no arrays. Measured with HotSpot's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean}) after a warm-up, so the JIT has
 * compiled (and escape-analysed) the loop. Skipped on JVMs without the counter.
 */
class AllocationTest {
  /** Loose: no tensor per update (the smallest batch tensor here is 26×1 doubles = 224 bytes, most are KBs). */
  static final long LOOSE_BOUND = 1024;
  /** Strict: nothing at all, up to rounding of a stray object over the measured updates. */
  static final long STRICT_BOUND = 8;

  static Sequential model(DType dtype) {
    return Sequential.of(
        new Dense(16, TestInitializers.normal(0.5), TestInitializers.zeros()), Activations.layer("relu"),
        new Dropout(0.1),
        new Dense(16, TestInitializers.normal(0.3), TestInitializers.zeros()), Activations.layer("tanh"),
        new Dense(1, TestInitializers.normal(0.3), TestInitializers.zeros()), Activations.layer("sigmoid"))
        .build(2, dtype, new SplittableRandom(1));
  }

  /** Bytes allocated per mini-batch update by this thread, after warming up. */
  static double bytesPerUpdate(DType dtype) {
    com.sun.management.ThreadMXBean bean = ThreadAllocation.counter();
    long thread = Thread.currentThread().getId();
    Dataset data = Datasets.circles(250, 0.1, 0.5, new SplittableRandom(2), dtype);
    Objective objective = new Objective(model(dtype), new BinaryCrossEntropy(false), 1e-4);
    TestSgd sgd = new TestSgd(0.1);
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    BatchBuffer xs = new BatchBuffer();
    BatchBuffer ys = new BatchBuffer();
    SplittableRandom random = new SplittableRandom(3);
    int batch = 32; // 250 = 7·32 + 26: full batches and a shorter last one
    Runnable epoch = () -> {
      Shuffle.shuffle(order, random);
      for (int from = 0; from < order.length; from += batch) {
        int count = Math.min(batch, order.length - from);
        Tensor x = xs.get(count, 2, dtype);
        Tensor y = ys.get(count, 1, dtype);
        data.features().gatherRows(order, from, count, x);
        data.targets().gatherRows(order, from, count, y);
        objective.computeGradients(x, y);
        sgd.step(objective.model().parameters());
      }
    };
    for (int i = 0; i < 75; i++) {
      epoch.run(); // warm-up: 600 updates
    }
    long before = bean.getThreadAllocatedBytes(thread);
    long updatesBefore = sgd.steps();
    for (int i = 0; i < 25; i++) {
      epoch.run(); // 200 updates
    }
    return (double) (bean.getThreadAllocatedBytes(thread) - before) / (sgd.steps() - updatesBefore);
  }

  /**
   * Bytes per update of a softmax classifier (cross-entropy from logits, class-index targets) or a
   * regression (mean squared error, linear output), both with fused dense + activation stages, at
   * batch {@code batch}; 100 examples, so batch 32 also runs a shorter last batch.
   */
  static double bytesPerUpdate(DType dtype, boolean classifier, int batch) {
    return bytesPerUpdate(dtype, classifier, batch, 100, 6, 24, 1500);
  }

  /**
   * Bytes per update of the same classifier or regression with {@code inputs} features, a first
   * layer {@code width} wide and {@code n} examples: the least over a few windows of about a third
   * of {@code warmUpUpdates} updates each, after {@code warmUpUpdates} updates.
   */
  static double bytesPerUpdate(
      DType dtype, boolean classifier, int batch, int n, int inputs, int width, int warmUpUpdates) {
    SplittableRandom random = new SplittableRandom(4);
    Tensor features = Tensor.zeros(dtype, n, inputs);
    Tensor targets = Tensor.zeros(dtype, n, classifier ? 1 : 2);
    for (int i = 0; i < features.size(); i++) {
      features.set(i, random.nextGaussian());
    }
    for (int i = 0; i < targets.size(); i++) {
      targets.set(i, classifier ? random.nextInt(3) : random.nextGaussian());
    }
    Sequential model = Sequential.of(
        new Dense(width, TestInitializers.normal(0.4), TestInitializers.zeros()), Activations.layer("elu"),
        new Dense(12, TestInitializers.normal(0.3), TestInitializers.zeros()), Activations.layer("leaky_relu"),
        new Dense(classifier ? 3 : 2, TestInitializers.normal(0.3), TestInitializers.zeros()),
        Activations.layer(classifier ? "softmax" : "identity"))
        .build(inputs, dtype, new SplittableRandom(1));
    Objective objective = new Objective(model, Losses.resolve(classifier ? "cross_entropy" : "mse"), 1e-4);
    TestSgd sgd = new TestSgd(0.05);
    int[] order = Shuffle.identity(n);
    BatchBuffer xs = new BatchBuffer();
    BatchBuffer ys = new BatchBuffer();
    Runnable epoch = () -> {
      Shuffle.shuffle(order, random);
      for (int from = 0; from < n; from += batch) {
        int count = Math.min(batch, n - from);
        Tensor x = xs.get(count, inputs, dtype);
        Tensor y = ys.get(count, targets.cols(), dtype);
        features.gatherRows(order, from, count, x);
        targets.gatherRows(order, from, count, y);
        objective.computeGradients(x, y);
        sgd.step(model.parameters());
      }
    };
    int updatesPerEpoch = (n + batch - 1) / batch;
    int warmUp = warmUpUpdates / updatesPerEpoch + 1;
    int measured = warmUp / 3 + 1;
    return (double) ThreadAllocation.leastAfterWarmUp(epoch, warmUp, measured, 5) / (measured * updatesPerEpoch);
  }

  @Test
  void fusedStagesAndOnePassLossesAllocateNothingAtBatchOneAndThirtyTwo() {
    for (DType dtype : DType.values()) {
      for (boolean classifier : new boolean[] {true, false}) {
        for (int batch : new int[] {1, 32}) {
          double perUpdate = bytesPerUpdate(dtype, classifier, batch);
          assertTrue(perUpdate < STRICT_BOUND, String.format("%s %s batch %d: %s bytes/update",
              dtype.label(), classifier ? "softmax classifier" : "regression", batch, perUpdate));
        }
      }
    }
  }

  @Test
  void productsSplitBetweenThreadsAllocateNothing() {
    // 256 examples × 80 features × 256 units: the first layer's products are past
    // GemmThreads.PARALLEL_WORK, so with two or more processors they are split between threads.
    for (DType dtype : DType.values()) {
      double perUpdate = bytesPerUpdate(dtype, true, 256, 256, 80, 256, 400);
      assertTrue(perUpdate < STRICT_BOUND, dtype.label() + ": " + perUpdate + " bytes/update");
    }
  }

  @Test
  void aMiniBatchUpdateAllocatesNoTensors() {
    for (DType dtype : DType.values()) {
      double perUpdate = bytesPerUpdate(dtype);
      assertTrue(perUpdate < LOOSE_BOUND, dtype.label() + ": " + perUpdate + " bytes/update");
    }
  }

  @Test
  void aMiniBatchUpdateAllocatesNothing() {
    for (DType dtype : DType.values()) {
      double perUpdate = bytesPerUpdate(dtype);
      assertTrue(perUpdate < STRICT_BOUND, dtype.label() + ": " + perUpdate + " bytes/update");
    }
  }

  @Test
  void theTrainerLoopAllocatesNoTensorsPerUpdate() {
    com.sun.management.ThreadMXBean bean = ThreadAllocation.counter();
    long thread = Thread.currentThread().getId();
    Dataset data = Datasets.circles(250, 0.1, 0.5, new SplittableRandom(2), DType.FLOAT32);
    Objective objective = new Objective(model(DType.FLOAT32), new BinaryCrossEntropy(false), 1e-4);
    TrainingConfig shortRun = TrainingConfig.updates(new GradientDescent.MiniBatch(32), 100, 1);
    TrainingConfig longRun = TrainingConfig.updates(new GradientDescent.MiniBatch(32), 700, 1);
    for (int i = 0; i < 1; i++) {
      new Trainer(objective, new TestSgd(0.01), longRun).fit(data, null); // warm-up
    }
    long a = bean.getThreadAllocatedBytes(thread);
    new Trainer(objective, new TestSgd(0.01), shortRun).fit(data, null);
    long b = bean.getThreadAllocatedBytes(thread);
    new Trainer(objective, new TestSgd(0.01), longRun).fit(data, null);
    long c = bean.getThreadAllocatedBytes(thread);
    // the difference of the two runs cancels the per-run setup; the history's 8 bytes per update remain
    double perUpdate = (double) ((c - b) - (b - a)) / (700 - 100);
    assertTrue(perUpdate < LOOSE_BOUND, perUpdate + " bytes/update (100 updates: " + (b - a)
        + " bytes, 700 updates: " + (c - b) + " bytes)");
  }
}
