package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.loss.CrossEntropy;
import dev.descent.loss.Loss;
import dev.descent.loss.MeanSquaredError;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerContext;
import dev.descent.nn.Mlp;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import dev.descent.testing.TestSgd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop: variants, stopping, history, metrics, divergence and reproducibility. */
class TrainerTest {
  static final DType F64 = DType.FLOAT64;

  /** An identity layer that records the first feature of every row it sees in training mode. */
  static final class Recorder implements Layer {
    final List<double[]> batches = new ArrayList<>();

    @Override public String kind() { return "recorder"; }
    @Override public String spec() { return "recorder"; }
    @Override public int outputSize(int inputSize) { return inputSize; }
    @Override public void build(LayerContext context) {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
      if (training) {
        double[] ids = new double[input.rows()];
        for (int r = 0; r < ids.length; r++) {
          ids[r] = input.get(r, 0);
        }
        batches.add(ids);
      }
      return input;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
      return gradOutput;
    }
  }

  /** n examples whose first feature is the example's number; binary labels alternate. */
  static Dataset numbered(int n) {
    Tensor x = Tensor.zeros(F64, n, 2);
    Tensor y = Tensor.zeros(F64, n, 1);
    for (int i = 0; i < n; i++) {
      x.set(i, 0, i);
      x.set(i, 1, Math.sin(i));
      y.set(i, i % 2);
    }
    return new Dataset(x, y);
  }

  static Dense dense(int units) {
    return new Dense(units, TestInitializers.normal(0.5), TestInitializers.zeros());
  }

  static Sequential model(long seed, int inputs, Layer... layers) {
    return Sequential.of(layers).build(inputs, F64, new SplittableRandom(seed));
  }

  static History fit(Sequential model, Loss loss, double lr, TrainingConfig config, Dataset train, Dataset test) {
    return new Trainer(new Objective(model, loss, 0), new TestSgd(lr), config).fit(train, test);
  }

  // ------------------------------------------------------------------ variants and update counts

  @Test
  void miniBatchOfFourOnTenExamplesMakesThreeUpdatesPerEpochTheLastPartial() {
    Recorder recorder = new Recorder();
    Sequential m = model(1, 2, recorder, dense(1), Activations.layer("sigmoid"));
    TestSgd sgd = new TestSgd(0.1);
    History h = new Trainer(new Objective(m, new BinaryCrossEntropy(false), 0), sgd,
        TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 2, 42)).fit(numbered(10), null);
    assertEquals(6, h.updates());
    assertEquals(6, sgd.steps());
    assertEquals(2, h.epochs());
    assertArrayEquals(new double[] {3, 6}, h.epochUpdates().toArray());
    assertArrayEquals(new int[] {4, 4, 2, 4, 4, 2}, recorder.batches.stream().mapToInt(b -> b.length).toArray());
    assertEquals("", h.stopReason());
  }

  @Test
  void eachEpochVisitsEveryExampleOnceInAFreshOrder() {
    Recorder recorder = new Recorder();
    Sequential m = model(1, 2, recorder, dense(1), Activations.layer("sigmoid"));
    fit(m, new BinaryCrossEntropy(false), 0.1, TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 3, 42),
        numbered(10), null);
    List<double[]> epochs = epochOrders(recorder, 10);
    assertEquals(3, epochs.size());
    for (double[] order : epochs) {
      double[] sorted = order.clone();
      Arrays.sort(sorted);
      assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted, "each example exactly once");
    }
    assertFalse(Arrays.equals(epochs.get(0), epochs.get(1)), "reshuffled between epochs");
    assertFalse(Arrays.equals(epochs.get(1), epochs.get(2)), "reshuffled between epochs");
  }

  @Test
  void shufflingIsReproducibleWithTheSameSeedAndDiffersWithAnother() {
    List<double[]> a = shuffleOrders(42);
    List<double[]> b = shuffleOrders(42);
    List<double[]> c = shuffleOrders(43);
    for (int e = 0; e < a.size(); e++) {
      assertArrayEquals(a.get(e), b.get(e));
    }
    assertFalse(Arrays.equals(a.get(0), c.get(0)) && Arrays.equals(a.get(1), c.get(1)));
  }

  static List<double[]> shuffleOrders(long seed) {
    Recorder recorder = new Recorder();
    Sequential m = model(1, 2, recorder, dense(1), Activations.layer("sigmoid"));
    fit(m, new BinaryCrossEntropy(false), 0.1, TrainingConfig.epochs(new GradientDescent.Stochastic(), 2, seed),
        numbered(10), null);
    return epochOrders(recorder, 10);
  }

  static List<double[]> epochOrders(Recorder recorder, int n) {
    double[] all = recorder.batches.stream().flatMapToDouble(Arrays::stream).toArray();
    List<double[]> epochs = new ArrayList<>();
    for (int from = 0; from < all.length; from += n) {
      epochs.add(Arrays.copyOfRange(all, from, from + n));
    }
    return epochs;
  }

  @Test
  void stochasticDescentMakesOneUpdatePerExample() {
    Recorder recorder = new Recorder();
    History h = fit(model(1, 2, recorder, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.Stochastic(), 2, 1), numbered(10), null);
    assertEquals(20, h.updates());
    assertArrayEquals(new double[] {10, 20}, h.epochUpdates().toArray());
    assertTrue(recorder.batches.stream().allMatch(b -> b.length == 1));
  }

  @Test
  void batchDescentMakesOneUpdatePerEpochOverTheDataInOrder() {
    Recorder recorder = new Recorder();
    History h = fit(model(1, 2, recorder, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.Batch(), 3, 1), numbered(10), null);
    assertEquals(3, h.updates());
    assertArrayEquals(new double[] {1, 2, 3}, h.epochUpdates().toArray());
    for (double[] batch : recorder.batches) {
      assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, batch);
    }
  }

  @Test
  void aMiniBatchLargerThanTheDataIsTheFullBatch() {
    Recorder recorder = new Recorder();
    History h = fit(model(1, 2, recorder, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.MiniBatch(32), 2, 1), numbered(10), null);
    assertEquals(2, h.updates());
    assertEquals(10, recorder.batches.get(0).length);
  }

  @Test
  void anUpdateBudgetStopsAtExactlyThatManyUpdates() {
    Recorder recorder = new Recorder();
    TestSgd sgd = new TestSgd(0.01);
    History h = new Trainer(new Objective(model(1, 2, recorder, dense(1)), new MeanSquaredError(), 0), sgd,
        TrainingConfig.updates(new GradientDescent.MiniBatch(4), 7, 1)).fit(numbered(10), null);
    assertEquals(7, h.updates());
    assertEquals(7, sgd.steps());
    assertArrayEquals(new double[] {3, 6, 7}, h.epochUpdates().toArray(), "the last epoch is cut short");
    assertEquals(7, recorder.batches.size());
    assertEquals(4, recorder.batches.get(6).length);
  }

  @Test
  void anUpdateBudgetWithBatchDescentRunsThatManyEpochs() {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.updates(new GradientDescent.Batch(), 5, 1), numbered(10), null);
    assertEquals(5, h.updates());
    assertEquals(5, h.epochs());
  }

  @Test
  void epochLossIsTheExampleWeightedMeanOfItsUpdates() {
    History h = fit(model(3, 2, dense(1)), new MeanSquaredError(), 0.05,
        TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 2, 9), numbered(10), null);
    double[] u = h.updateLoss().toArray();
    assertEquals((4 * u[0] + 4 * u[1] + 2 * u[2]) / 10, h.epochLoss().get(0), 1e-15);
    assertEquals((4 * u[3] + 4 * u[4] + 2 * u[5]) / 10, h.epochLoss().get(1), 1e-15);
  }

  @Test
  void configNeedsExactlyOneOfEpochsAndUpdates() {
    DescentException both = assertThrows(DescentException.class,
        () -> new TrainingConfig(new GradientDescent.Batch(), 2, 5, 0, com.google.common.collect.ImmutableList.of()));
    assertEquals("training needs exactly one of epochs or updates ≥ 1, got epochs=2, updates=5", both.getMessage());
    assertThrows(DescentException.class, () -> TrainingConfig.epochs(new GradientDescent.Batch(), 0, 1));
    assertThrows(DescentException.class, () -> TrainingConfig.updates(new GradientDescent.Batch(), -3, 1));
    assertThrows(DescentException.class, () -> new GradientDescent.MiniBatch(0));
  }

  // ------------------------------------------------------------------ callbacks and stopping

  @Test
  void earlyStoppingStopsWithAReasonWhenTheLossStopsImproving() {
    // learning rate 0: the loss never improves after the first epoch
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0,
        TrainingConfig.epochs(new GradientDescent.Batch(), 50, 1, new EarlyStopping("loss", 3, 0)), numbered(10), null);
    assertEquals(4, h.epochs(), "the best epoch, then three without improvement");
    assertEquals("early stopping: no improvement of loss for 3 epochs", h.stopReason());
  }

  @Test
  void earlyStoppingOnTheTestLoss() {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0,
        TrainingConfig.epochs(new GradientDescent.Batch(), 50, 1, new EarlyStopping("test_loss", 2, 0)),
        numbered(10), numbered(4));
    assertEquals(3, h.epochs());
    assertTrue(h.stopReason().contains("test_loss"), h.stopReason());
  }

  @Test
  void earlyStoppingKeepsGoingWhileTheLossImproves() {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.Batch(), 5, 1, new EarlyStopping("loss", 1, 0)), numbered(10), null);
    assertEquals(5, h.epochs());
    assertEquals("", h.stopReason());
  }

  @Test
  void earlyStoppingValidatesItsArguments() {
    DescentException e = assertThrows(DescentException.class, () -> new EarlyStopping("val_loss", 3, 0));
    assertTrue(e.getMessage().contains("'monitor'") && e.getMessage().contains("val_loss"), e.getMessage());
    assertThrows(DescentException.class, () -> new EarlyStopping("loss", 0, 0));
    assertThrows(DescentException.class, () -> new EarlyStopping("loss", 1, -1));
  }

  @Test
  void earlyStoppingOnTestLossWithoutATestSetIsAnError() {
    assertThrows(DescentException.class, () -> fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.Batch(), 10, 1, new EarlyStopping("test_loss", 2, 0)),
        numbered(10), null));
  }

  @Test
  void convergenceStopsWithAReason() {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0,
        TrainingConfig.epochs(new GradientDescent.Batch(), 50, 1, new Convergence(1e-9, 2)), numbered(10), null);
    assertEquals(3, h.epochs(), "epoch 3 is compared with epoch 1");
    assertTrue(h.stopReason().startsWith("converged: loss changed by less than"), h.stopReason());
    assertTrue(h.stopReason().contains("over 2 epochs"), h.stopReason());
  }

  @Test
  void convergenceDoesNotStopWhileTheLossMoves() {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.05,
        TrainingConfig.epochs(new GradientDescent.Batch(), 6, 1, new Convergence(1e-12, 1)), numbered(10), null);
    assertEquals(6, h.epochs());
    assertEquals("", h.stopReason());
  }

  @Test
  void aCallbackCanStopInTheMiddleOfAnEpoch() {
    List<String> events = new ArrayList<>();
    TrainingCallback callback = new TrainingCallback() {
      @Override
      public void beforeStep(TrainingProgress p) {
        events.add("before " + p.update() + " epoch " + p.epoch());
      }

      @Override
      public void onUpdateEnd(TrainingProgress p) {
        events.add("after " + p.update());
        if (p.update() == 5) {
          p.requestStop("enough");
          p.requestStop("ignored: the first reason wins");
        }
      }

      @Override
      public void onEpochEnd(TrainingProgress p) {
        events.add("epoch " + p.epoch() + " rows " + p.history().epochs());
      }
    };
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 10, 1, callback), numbered(10), null);
    assertEquals(5, h.updates());
    assertEquals(2, h.epochs(), "the cut-short epoch is still recorded");
    assertEquals("enough", h.stopReason());
    assertEquals(List.of("before 0 epoch 1", "after 1", "before 1 epoch 1", "after 2", "before 2 epoch 1", "after 3",
        "epoch 1 rows 1", "before 3 epoch 2", "after 4", "before 4 epoch 2", "after 5", "epoch 2 rows 2"), events);
  }

  @Test
  void beforeStepSeesTheGradientsBeforeTheOptimizerApplies() {
    List<Double> gradientNorms = new ArrayList<>();
    List<Double> weightsBefore = new ArrayList<>();
    Sequential m = model(1, 2, dense(1));
    TrainingCallback callback = new TrainingCallback() {
      @Override
      public void beforeStep(TrainingProgress p) {
        Parameter w = p.model().parameters().get(0);
        gradientNorms.add(w.grad().sumOfSquares());
        weightsBefore.add(w.value().get(0));
        w.grad().fill(0); // a clipper could zero the gradient: the optimizer must see the change
      }
    };
    double w0 = m.parameters().get(0).value().get(0);
    fit(m, new MeanSquaredError(), 0.1, TrainingConfig.epochs(new GradientDescent.Batch(), 3, 1, callback),
        numbered(10), null);
    assertTrue(gradientNorms.get(0) > 0);
    assertEquals(w0, m.parameters().get(0).value().get(0), 0.0, "zeroed gradients leave the weights alone");
  }

  // ------------------------------------------------------------------ history

  @Test
  void historyCsvHasTheDocumentedHeaderAndOneRowPerEpoch(@TempDir Path dir) throws IOException {
    Sequential m = model(1, 2, dense(4), Activations.layer("tanh"), dense(1), Activations.layer("sigmoid"));
    History h = fit(m, new BinaryCrossEntropy(false), 0.1,
        TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 3, 1), numbered(10), numbered(6));
    Path file = dir.resolve("history.csv");
    h.writeCsv(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("epoch,updates,seconds,loss,accuracy,test_loss,test_accuracy", lines.get(0));
    assertEquals(4, lines.size());
    for (int e = 1; e <= 3; e++) {
      String[] fields = lines.get(e).split(",", -1);
      assertEquals(7, fields.length, lines.get(e));
      assertEquals(String.valueOf(e), fields[0]);
      assertEquals(String.valueOf(3 * e), fields[1]);
      assertTrue(Double.parseDouble(fields[2]) >= 0);
      assertEquals(h.epochLoss().get(e - 1), Double.parseDouble(fields[3]));
      assertEquals(h.epochAccuracy().get(e - 1), Double.parseDouble(fields[4]));
      assertEquals(h.testLoss().get(e - 1), Double.parseDouble(fields[5]));
      assertEquals(h.testAccuracy().get(e - 1), Double.parseDouble(fields[6]));
    }
  }

  @Test
  void historyCsvLeavesAccuracyAndTestColumnsEmptyWhenTheyDoNotApply(@TempDir Path dir) throws IOException {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.01,
        TrainingConfig.epochs(new GradientDescent.Batch(), 2, 1), numbered(10), null);
    Path file = dir.resolve("history.csv");
    h.writeCsv(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] fields = lines.get(1).split(",", -1);
    assertEquals("", fields[4], "no accuracy for a regression loss");
    assertEquals("", fields[5], "no test set");
    assertEquals("", fields[6], "no test set");
    assertTrue(Double.isNaN(h.epochAccuracy().get(0)));
  }

  @Test
  void historyRecordsEveryUpdateLoss() {
    History h = fit(model(1, 2, dense(1)), new MeanSquaredError(), 0.005,
        TrainingConfig.epochs(new GradientDescent.Batch(), 4, 1), numbered(10), null);
    assertEquals(4, h.updateLoss().size());
    // full-batch gradient descent with a small step on a convex loss decreases every update
    for (int i = 1; i < 4; i++) {
      assertTrue(h.updateLoss().get(i) < h.updateLoss().get(i - 1), Arrays.toString(h.updateLoss().toArray()));
    }
    assertArrayEquals(h.updateLoss().toArray(), h.epochLoss().toArray(), "one update per epoch");
  }

  // ------------------------------------------------------------------ metrics

  @Test
  void binaryAccuracyThresholdsOutputsAndTargetsAtOneHalf() {
    Tensor out = Tensor.of(F64, 5, 1, 0.9, 0.2, 0.5, 0.51, 0.1);
    Tensor target = Tensor.of(F64, 5, 1, 1, 0, 1, 1, 1);
    assertEquals(3, Metrics.correct(out, target)); // 0.5 is not "> 0.5", so row 2 is predicted 0
    assertEquals(0.6, Metrics.accuracy(out, target), 1e-15);
  }

  @Test
  void binaryCrossEntropyAccuracyCountsEveryLabelInEitherPrecisionAndInMixedOnes() {
    BinaryCrossEntropy bce = new BinaryCrossEntropy(false);
    double[] outputs = {0.9, 0.2, 0.5, 0.51, 0.1, 0.7};
    double[] targets = {1, 0, 1, 1, 1, 0};
    // labels 0, 1, 3 agree; 2 (0.5 is not above 0.5), 4 and 5 do not
    for (DType o : DType.values()) {
      for (DType t : DType.values()) {
        assertEquals(3, Metrics.correct(bce, Tensor.of(o, 3, 2, outputs), Tensor.of(t, 3, 2, targets)), o + "/" + t);
      }
    }
    assertEquals(6, Metrics.predictions(bce, Tensor.of(F64, 3, 2, outputs)));
  }

  @Test
  void multiClassAccuracyWithIndexAndOneHotTargets() {
    Tensor out = Tensor.of(F64, 3, 3, 0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.3, 0.3, 0.4);
    assertEquals(2, Metrics.correct(out, Tensor.of(F64, 3, 1, 1, 1, 2)));
    assertEquals(2, Metrics.correct(out, Tensor.of(F64, 3, 3, 0, 1, 0, 0, 1, 0, 0, 0, 1)));
    assertEquals(2.0 / 3, Metrics.accuracy(out, Tensor.of(F64, 3, 1, 1, 1, 2)), 1e-15);
  }

  @Test
  void multiLabelAccuracyThresholdsEveryColumn() {
    // two sigmoid outputs with probabilities (0.9, 0.8) for targets (1, 0): the second label is wrong
    Sequential m = Sequential.of(
        new Dense(2, TestInitializers.zeros(), TestInitializers.values(Math.log(9), Math.log(4))),
        Activations.layer("sigmoid")).build(1, F64, new SplittableRandom(0));
    Dataset d = new Dataset(Tensor.of(F64, 1, 1, 0), Tensor.of(F64, 1, 2, 1, 0));
    assertEquals(0.9, m.predict(d.features()).get(0), 1e-15);
    assertEquals(0.8, m.predict(d.features()).get(1), 1e-15);
    Evaluation e = Trainer.evaluate(new Objective(m, new BinaryCrossEntropy(false), 0), d);
    // element-wise (Keras binary_accuracy) gives 0.5, exact match (scikit-learn) gives 0; argmax gives 1
    assertTrue(e.accuracy() < 1, "multi-label accuracy " + e.accuracy() + " although one of two labels is wrong");
  }

  @Test
  void accuracyAppliesOnlyToClassificationLosses() {
    assertTrue(Metrics.isClassification(new BinaryCrossEntropy(false)));
    assertTrue(Metrics.isClassification(new CrossEntropy()));
    assertFalse(Metrics.isClassification(new MeanSquaredError()));
  }

  @Test
  void evaluateReportsLossAndAccuracyOfAKnownModel() {
    // one dense unit, w = (1, 0), b = -0.5, then a sigmoid: predicts x0 > 0.5
    Sequential m = Sequential.of(
        new Dense(1, TestInitializers.values(1, 0), TestInitializers.constant(-0.5)),
        Activations.layer("sigmoid")).build(2, F64, new SplittableRandom(0));
    Tensor x = Tensor.of(F64, 4, 2, 0, 0, 1, 0, 2, 0, 3, 0);
    Tensor y = Tensor.of(F64, 4, 1, 0, 1, 0, 1);
    Evaluation e = Trainer.evaluate(new Objective(m, new BinaryCrossEntropy(false), 0), new Dataset(x, y));
    assertEquals(0.75, e.accuracy()); // rows 0, 1, 3 right; row 2 predicted 1
    // BCE over z = (−0.5, 0.5, 1.5, 2.5): mean of softplus(z) − z·t
    double expected = (softplus(-0.5) + softplus(0.5) - 0.5 + softplus(1.5) + softplus(2.5) - 2.5) / 4;
    assertEquals(expected, e.loss(), 1e-15);
    Evaluation mse = Trainer.evaluate(new Objective(m, new MeanSquaredError(), 0), new Dataset(x, y));
    assertTrue(Double.isNaN(mse.accuracy()));
  }

  static double softplus(double z) {
    return Math.log1p(Math.exp(z));
  }

  @Test
  void multiClassTrainingReportsAccuracy() {
    Dataset d = threeClasses(60, 3);
    Sequential m = model(2, 2, dense(8), Activations.layer("tanh"), dense(3), Activations.layer("softmax"));
    History h = fit(m, new CrossEntropy(), 0.5, TrainingConfig.epochs(new GradientDescent.MiniBatch(8), 30, 1), d, d);
    double accuracy = h.testAccuracy().last();
    assertTrue(accuracy > 0.9, "a separable 3-class problem: accuracy " + accuracy);
    assertEquals(accuracy, Metrics.accuracy(predict(m, d), d.targets()));
  }

  static Tensor predict(Sequential m, Dataset d) {
    return m.predict(d.features()).copy();
  }

  static Dataset threeClasses(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Tensor x = Tensor.zeros(F64, n, 2);
    Tensor y = Tensor.zeros(F64, n, 1);
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      double angle = 2 * Math.PI * c / 3;
      x.set(i, 0, 2 * Math.cos(angle) + 0.3 * r.nextGaussian());
      x.set(i, 1, 2 * Math.sin(angle) + 0.3 * r.nextGaussian());
      y.set(i, c);
    }
    return new Dataset(x, y);
  }

  // ------------------------------------------------------------------ symmetry

  /**
   * With every weight and bias zero, every hidden unit of a relu network computes the same thing
   * and gets the same (zero) gradient, so the symmetry is never broken: the model predicts one
   * class for every input, and on balanced labels its accuracy stays at exactly 0.5.
   */
  @Test
  void zeroInitializedReluNetworkStaysAtExactlyOneHalfAccuracy() {
    Dataset train = Datasets.circles(200, 0.05, 0.5, new SplittableRandom(1), F64);
    Dataset test = Datasets.circles(100, 0.05, 0.5, new SplittableRandom(2), F64);
    for (GradientDescent variant : List.of(new GradientDescent.Batch(), new GradientDescent.MiniBatch(16))) {
      Sequential m = Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", TestInitializers.zeros(),
          TestInitializers.zeros()).build(2, F64, new SplittableRandom(3));
      History h = fit(m, new BinaryCrossEntropy(false), 1.0, TrainingConfig.epochs(variant, 20, 4), train, test);
      for (int e = 0; e < h.epochs(); e++) {
        assertEquals(0.5, h.testAccuracy().get(e), variant.spec() + " epoch " + (e + 1));
        if (variant instanceof GradientDescent.Batch) {
          assertEquals(0.5, h.epochAccuracy().get(e), "training accuracy, epoch " + (e + 1));
        }
      }
      for (Parameter p : m.parameters()) {
        if (!p.name().equals("4.bias")) {
          assertEquals(0, p.value().sumOfSquares(), variant.spec() + ": " + p.name() + " moved");
        }
      }
    }
  }

  // ------------------------------------------------------------------ divergence

  @Test
  void aNaNWeightStopsTrainingNamingTheUpdateAndTheParameter() {
    Sequential m = Sequential.of(dense(3), Activations.layer("tanh"),
        new Dense(1, TestInitializers.values(0.1, Double.NaN, 0.3), TestInitializers.zeros()))
        .build(2, F64, new SplittableRandom(1));
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> fit(m, new MeanSquaredError(),
        0.1, TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 3, 1), numbered(10), null));
    assertEquals(1, e.update());
    assertEquals("training diverged at update 1 (epoch 1): the objective is NaN; non-finite values first appear in "
        + "parameter 2.weight", e.getMessage());
  }

  @Test
  void aHugeLearningRateDivergesAndTheErrorNamesTheUpdate() {
    Sequential m = model(1, 2, dense(4), Activations.layer("relu"), dense(1));
    TestSgd sgd = new TestSgd(1e4);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> new Trainer(new Objective(m, new MeanSquaredError(), 0), sgd,
            TrainingConfig.updates(new GradientDescent.Batch(), 10_000, 1)).fit(numbered(10), null));
    assertTrue(e.update() > 1, "diverged at update " + e.update());
    assertEquals(e.update() - 1, sgd.steps(), "the optimizer did not apply the non-finite update");
    assertTrue(e.getMessage().startsWith("training diverged at update " + e.update() + " (epoch " + e.update() + "): "),
        e.getMessage());
    assertTrue(e.getMessage().matches(".*non-finite values first appear in (parameter \\d\\.(weight|bias)"
        + "|layer \\d \\(\\w+\\) output|the loss .*)"), e.getMessage());
  }

  @Test
  void aNonFiniteInputIsBlamedOnTheInputBatch() {
    Dataset d = numbered(4);
    d.features().set(3, 1, Double.POSITIVE_INFINITY);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> fit(model(1, 2, dense(1)),
        new MeanSquaredError(), 0.1, TrainingConfig.epochs(new GradientDescent.Batch(), 1, 1), d, null));
    assertTrue(e.getMessage().endsWith("the input batch"), e.getMessage());
  }

  // ------------------------------------------------------------------ validation

  @Test
  void mismatchedDataIsRejectedBeforeTraining() {
    Sequential m = model(1, 2, dense(1));
    Dataset threeFeatures = new Dataset(Tensor.zeros(F64, 4, 3), Tensor.zeros(F64, 4, 1));
    DescentException features = assertThrows(DescentException.class, () -> fit(m, new MeanSquaredError(), 0.1,
        TrainingConfig.epochs(new GradientDescent.Batch(), 1, 1), threeFeatures, null));
    assertEquals("the data has 3 features but the model expects 2", features.getMessage());
    Dataset twoTargets = new Dataset(Tensor.zeros(F64, 4, 2), Tensor.zeros(F64, 4, 2));
    DescentException targets = assertThrows(DescentException.class, () -> fit(m, new MeanSquaredError(), 0.1,
        TrainingConfig.epochs(new GradientDescent.Batch(), 1, 1), twoTargets, null));
    assertTrue(targets.getMessage().startsWith("mse: targets of shape [4, 2] do not fit outputs of shape [4, 1]"),
        targets.getMessage());
    DescentException testSet = assertThrows(DescentException.class, () -> fit(m, new MeanSquaredError(), 0.1,
        TrainingConfig.epochs(new GradientDescent.Batch(), 1, 1), numbered(4), threeFeatures));
    assertTrue(testSet.getMessage().contains("3 features"), testSet.getMessage());
    DescentException empty = assertThrows(DescentException.class, () -> fit(m, new MeanSquaredError(), 0.1,
        TrainingConfig.epochs(new GradientDescent.Batch(), 1, 1),
        new Dataset(Tensor.zeros(F64, 0, 2), Tensor.zeros(F64, 0, 1)), null));
    assertEquals("the training set is empty", empty.getMessage());
  }

  @Test
  void anInvalidClassLabelIsReportedBeforeTrainingWithItsDatasetRow() {
    Dataset d = threeClasses(12, 1);
    d.targets().set(7, 5);
    Sequential m = model(1, 2, dense(3), Activations.layer("softmax"));
    TestSgd sgd = new TestSgd(0.1);
    DescentException e = assertThrows(DescentException.class, () -> new Trainer(new Objective(m,
        new CrossEntropy(), 0), sgd, TrainingConfig.epochs(new GradientDescent.MiniBatch(4), 1, 1)).fit(d, null));
    assertTrue(e.getMessage().contains("row 7"), e.getMessage());
    assertEquals(0, sgd.steps());
  }

  // ------------------------------------------------------------------ reproducibility

  @Test
  void theSameSeedsGiveBitIdenticalHistoriesAndWeights() {
    Run a = run(11, 22);
    Run b = run(11, 22);
    assertBitsEqual(a.history.updateLoss().toArray(), b.history.updateLoss().toArray());
    assertBitsEqual(a.history.epochLoss().toArray(), b.history.epochLoss().toArray());
    assertBitsEqual(a.history.epochAccuracy().toArray(), b.history.epochAccuracy().toArray());
    assertBitsEqual(a.history.testLoss().toArray(), b.history.testLoss().toArray());
    assertBitsEqual(a.history.testAccuracy().toArray(), b.history.testAccuracy().toArray());
    assertBitsEqual(a.weights, b.weights);
  }

  @Test
  void anotherShuffleSeedOrModelSeedGivesADifferentRun() {
    Run a = run(11, 22);
    assertFalse(Arrays.equals(a.history.updateLoss().toArray(), run(11, 23).history.updateLoss().toArray()));
    assertFalse(Arrays.equals(a.history.updateLoss().toArray(), run(12, 22).history.updateLoss().toArray()));
  }

  record Run(History history, double[] weights) {}

  /** A float32 model with dropout, trained with mini-batches: every source of randomness is seeded. */
  static Run run(long modelSeed, long shuffleSeed) {
    Dataset train = Datasets.circles(64, 0.1, 0.5, new SplittableRandom(5), DType.FLOAT32);
    Dataset test = Datasets.circles(32, 0.1, 0.5, new SplittableRandom(6), DType.FLOAT32);
    Sequential m = Sequential.of(dense(8), Activations.layer("relu"), new Dropout(0.2), dense(1),
        Activations.layer("sigmoid")).build(2, DType.FLOAT32, new SplittableRandom(modelSeed));
    History h = new Trainer(new Objective(m, new BinaryCrossEntropy(false), 1e-3), new TestSgd(0.5),
        TrainingConfig.epochs(new GradientDescent.MiniBatch(10), 5, shuffleSeed)).fit(train, test);
    double[] weights = m.parameters().stream().flatMapToDouble(p -> Arrays.stream(p.value().toDoubleArray()))
        .toArray();
    return new Run(h, weights);
  }

  static void assertBitsEqual(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "index " + i);
    }
  }

  @Test
  void trainingActuallyLearnsCircles() {
    Dataset train = Datasets.circles(200, 0.05, 0.5, new SplittableRandom(1), F64);
    Sequential m = model(3, 2, dense(16), Activations.layer("tanh"), dense(1), Activations.layer("sigmoid"));
    History h = fit(m, new BinaryCrossEntropy(false), 0.5,
        TrainingConfig.epochs(new GradientDescent.MiniBatch(16), 150, 1), train, train);
    assertTrue(h.testAccuracy().last() > 0.95, "accuracy " + h.testAccuracy().last());
    assertNotEquals(h.epochLoss().get(0), h.epochLoss().last());
    assertTrue(h.epochLoss().last() < h.epochLoss().get(0));
  }
}
