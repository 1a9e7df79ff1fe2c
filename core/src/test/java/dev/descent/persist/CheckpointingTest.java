package dev.descent.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerContext;
import dev.descent.nn.Parameter;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import dev.descent.testing.TestSgd;
import dev.descent.train.GradientDescent;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import dev.descent.train.TrainingDivergedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Periodic checkpoints, and the last good one surviving a run that diverges. */
class CheckpointingTest {
  private static final Dataset TRAIN = Datasets.circles(32, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);

  @TempDir Path dir;

  /** An identity layer whose output turns to infinity from training pass {@code from} on. */
  static final class Overflow implements Layer {
    final int from;
    int pass;

    Overflow(int from) {
      this.from = from;
    }

    @Override public String kind() { return "overflow"; }
    @Override public String spec() { return "linear"; }
    @Override public int outputSize(int inputSize) { return inputSize; }
    @Override public void build(LayerContext context) {}

    @Override
    public Tensor forward(Tensor input, boolean training) {
      if (training && ++pass >= from) {
        Tensor out = input.copy();
        out.set(0, Double.POSITIVE_INFINITY);
        return out;
      }
      return input;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
      return gradOutput;
    }
  }

  @Test
  void theLastGoodCheckpointSurvivesDivergence() throws java.io.IOException {
    Sequential model = Sequential.of(new Dense(4, TestInitializers.normal(0.5), TestInitializers.zeros()),
        Activations.layer("tanh"), new Overflow(8), new Dense(1, TestInitializers.normal(0.5), TestInitializers.zeros()),
        Activations.layer("sigmoid")).build(2, DType.FLOAT64, new SplittableRandom(0));
    Path file = dir.resolve("run.safetensors");
    Checkpointing checkpoints = new Checkpointing(file, 3, Map.of("purpose", "test"));
    Trainer trainer = new Trainer(new Objective(model, new BinaryCrossEntropy(false), 0), new TestSgd(0.1),
        TrainingConfig.updates(new GradientDescent.MiniBatch(4), 20, 0, checkpoints));
    var error = assertThrows(TrainingDivergedException.class, () -> trainer.fit(TRAIN, null));
    assertEquals(8, error.update());
    assertEquals(6, checkpoints.lastUpdate());
    assertTrue(Files.exists(file));
    try (var listing = Files.list(dir)) {
      assertEquals(1, listing.count(), "no temporary file is left beside the checkpoint");
    }
    Checkpoint last = CheckpointFile.read(file, Sequential.of(
        new Dense(4, TestInitializers.normal(0.5), TestInitializers.zeros()), Activations.layer("tanh"),
        new Overflow(8), new Dense(1, TestInitializers.normal(0.5), TestInitializers.zeros()),
        Activations.layer("sigmoid")).build(2, DType.FLOAT64, new SplittableRandom(9)));
    assertEquals(6, last.state().update());
    assertEquals("test", last.settings().get("purpose"));
    for (Parameter p : last.model().parameters()) {
      assertTrue(p.value().allFinite(), p.name());
    }
    for (int i = 0; i < last.state().history().updateLoss().length; i++) {
      assertTrue(Double.isFinite(last.state().history().updateLoss()[i]));
    }
  }

  @Test
  void theIntervalMustBePositive() {
    var error = assertThrows(DescentException.class, () -> new Checkpointing(dir.resolve("x"), 0, Map.of()));
    assertEquals("checkpoint interval must be an integer ≥ 1, got 0", error.getMessage());
  }
}
