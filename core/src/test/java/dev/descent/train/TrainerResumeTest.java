package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.optim.OptimizerState;
import dev.descent.tensor.DType;
import dev.descent.testing.TestInitializers;
import dev.descent.testing.TestSgd;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run stopped after any update and resumed from its {@link TrainingState}, weights and optimizer
 * state ends with the same weights and history, bit for bit, as the run that was never stopped.
 */
class TrainerResumeTest {
  private static final Dataset TRAIN = Datasets.circles(40, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);
  private static final Dataset TEST = Datasets.circles(20, 0.1, 0.5, new SplittableRandom(2), DType.FLOAT64);

  /** What a checkpoint holds, in memory. */
  record Snapshot(TrainingState state, List<double[]> weights, OptimizerState optimizer) {}

  /** Takes a snapshot after update {@code at}, at the end of the update or of the epoch. */
  static final class Capture implements TrainingCallback {
    final long at;
    final boolean atEpochEnd;
    Snapshot taken;

    Capture(long at, boolean atEpochEnd) {
      this.at = at;
      this.atEpochEnd = atEpochEnd;
    }

    @Override
    public void onUpdateEnd(TrainingProgress progress) {
      if (!atEpochEnd && progress.update() == at) {
        take(progress);
      }
    }

    @Override
    public void onEpochEnd(TrainingProgress progress) {
      if (atEpochEnd && progress.update() == at && taken == null) {
        take(progress);
      }
    }

    private void take(TrainingProgress progress) {
      List<double[]> weights = new ArrayList<>();
      for (Parameter p : progress.model().parameters()) {
        weights.add(p.value().doubles().clone());
      }
      taken = new Snapshot(progress.state(), weights, progress.optimizer().state());
    }
  }

  static Sequential model(long seed) {
    return Sequential.of(
        new Dense(8, TestInitializers.normal(0.7), TestInitializers.zeros()), Activations.layer("tanh"),
        new Dropout(0.25),
        new Dense(1, TestInitializers.normal(0.7), TestInitializers.zeros()), Activations.layer("sigmoid"))
        .build(2, DType.FLOAT64, new SplittableRandom(seed));
  }

  static TrainingConfig config(GradientDescent variant, TrainingCallback capture) {
    return TrainingConfig.epochs(variant, 4, 7, capture, new EarlyStopping("loss", 100, 0));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (GradientDescent variant : List.of(new GradientDescent.Batch(), new GradientDescent.Stochastic(),
        new GradientDescent.MiniBatch(16))) {
      long perEpoch = (TRAIN.size() + variant.batchSize(TRAIN.size()) - 1) / variant.batchSize(TRAIN.size());
      for (long at : new long[] {1, perEpoch, perEpoch + 1, 3 * perEpoch - 1}) {
        cases.add(Arguments.of(variant, at, false));
      }
      cases.add(Arguments.of(variant, 2 * perEpoch, true));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, stopped after update {1}, at epoch end: {2}")
  @MethodSource("cases")
  void resumedRunMatchesTheUninterruptedOne(GradientDescent variant, long at, boolean atEpochEnd) {
    Capture capture = new Capture(at, atEpochEnd);
    Sequential whole = model(3);
    History uninterrupted = new Trainer(new Objective(whole, new BinaryCrossEntropy(false), 0.01), new TestSgd(0.3),
        config(variant, capture)).fit(TRAIN, TEST);
    Snapshot snapshot = capture.taken;
    assertEquals(at, snapshot.state().update());

    Sequential resumed = model(99);
    for (int i = 0; i < snapshot.weights().size(); i++) {
      double[] w = resumed.parameters().get(i).value().doubles();
      System.arraycopy(snapshot.weights().get(i), 0, w, 0, w.length);
    }
    TestSgd optimizer = new TestSgd(0.3);
    optimizer.restore(snapshot.optimizer());
    History continued = new Trainer(new Objective(resumed, new BinaryCrossEntropy(false), 0.01), optimizer,
        config(variant, new Capture(-1, false))).fit(TRAIN, TEST, snapshot.state());

    for (int i = 0; i < whole.parameters().size(); i++) {
      assertArrayEquals(whole.parameters().get(i).value().doubles(), resumed.parameters().get(i).value().doubles(),
          whole.parameters().get(i).name());
    }
    History.Data a = uninterrupted.data();
    History.Data b = continued.data();
    assertArrayEquals(a.updateLoss(), b.updateLoss());
    assertArrayEquals(a.epochLoss(), b.epochLoss());
    assertArrayEquals(a.epochAccuracy(), b.epochAccuracy());
    assertArrayEquals(a.testLoss(), b.testLoss());
    assertArrayEquals(a.testAccuracy(), b.testAccuracy());
    assertArrayEquals(a.epochUpdates(), b.epochUpdates());
    assertEquals(a.stopReason(), b.stopReason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aStateFromAnotherDatasetIsRefused(GradientDescent variant, long at, boolean atEpochEnd) {
    Capture capture = new Capture(at, atEpochEnd);
    new Trainer(new Objective(model(3), new BinaryCrossEntropy(false), 0), new TestSgd(0.3), config(variant, capture))
        .fit(TRAIN, null);
    Dataset other = Datasets.circles(41, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);
    var error = assertThrows(dev.descent.DescentException.class, () -> new Trainer(
        new Objective(model(3), new BinaryCrossEntropy(false), 0), new TestSgd(0.3),
        config(variant, new Capture(-1, false))).fit(other, null, capture.taken.state()));
    assertTrue(error.getMessage().contains("40 examples; this one has 41"), error.getMessage());
  }
}
