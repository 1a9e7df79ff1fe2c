package dev.descent.optimizers.resume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.data.Dataset;
import dev.descent.loss.MeanSquaredError;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Dropout;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.clip.ClipCallback;
import dev.descent.optimizers.clip.Clippers;
import dev.descent.optimizers.schedule.ScheduleCallback;
import dev.descent.optimizers.schedule.Schedules;
import dev.descent.optimizers.testing.TinyTraining;
import dev.descent.persist.Checkpoint;
import dev.descent.persist.CheckpointFile;
import dev.descent.tensor.DType;
import dev.descent.train.GradientDescents;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingConfig;
import dev.descent.train.TrainingProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every registered optimizer and every gradient-descent variant: a run written to a checkpoint
 * file after an update in the middle of an epoch, then read back into a fresh model and optimizer
 * and resumed, ends with exactly the weights and history of the run that was never stopped. The
 * run has dropout, a per-update learning-rate schedule and gradient clipping, so every piece of
 * state a checkpoint carries matters.
 */
class ExactResumeTest {
  private static final Dataset TRAIN = TinyTraining.data(24);
  private static final Dataset TEST = TinyTraining.data(9);
  private static final int EPOCHS = 3;

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String optimizer : Optimizers.registry().names()) {
      for (String variant : List.of("batch", "sgd", "minibatch(size=5)")) {
        cases.add(Arguments.of(optimizer, variant));
      }
    }
    return cases.stream();
  }

  /** Writes a checkpoint after update {@code at}. */
  static final class CheckpointAt implements TrainingCallback {
    final long at;
    final Path file;

    CheckpointAt(long at, Path file) {
      this.at = at;
      this.file = file;
    }

    @Override
    public void onUpdateEnd(TrainingProgress progress) {
      if (progress.update() == at) {
        CheckpointFile.write(file, progress.model(), progress.optimizer(), progress.state(), Map.of("note", "test"));
      }
    }
  }

  static Sequential model() {
    Sequential tiny = TinyTraining.model();
    Dense first = (Dense) tiny.layers().get(0);
    return Sequential.of(new Dense(6, first.weightInitializer(), first.weightInitializer()), Activations.layer("tanh"),
        new Dropout(0.2), new Dense(1, first.weightInitializer(), first.weightInitializer()))
        .build(2, DType.FLOAT64, new SplittableRandom(5));
  }

  static TrainingConfig config(String variant, TrainingCallback checkpoint) {
    return TrainingConfig.epochs(GradientDescents.resolve(variant), EPOCHS, 11,
        new ClipCallback(Clippers.resolve("norm(max_norm=0.5)")),
        new ScheduleCallback(Schedules.resolve("exponential(gamma=0.97)")), checkpoint);
  }

  static History fit(Sequential model, Optimizer optimizer, TrainingConfig config, Checkpoint from) {
    return new Trainer(new Objective(model, new MeanSquaredError(), 1e-3), optimizer, config)
        .fit(TRAIN, TEST, from == null ? null : from.state());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void resumingFromACheckpointFileIsExact(String optimizerSpec, String variant) {
    int perEpoch = (TRAIN.size() + GradientDescents.resolve(variant).batchSize(TRAIN.size()) - 1)
        / GradientDescents.resolve(variant).batchSize(TRAIN.size());
    long at = perEpoch == 1 ? 2 : perEpoch + perEpoch / 2;
    Path file = dir.resolve("run.safetensors");

    Sequential whole = model();
    History uninterrupted = fit(whole, Optimizers.resolve(optimizerSpec), config(variant, new CheckpointAt(at, file)), null);

    Sequential resumed = model();
    Checkpoint checkpoint = CheckpointFile.read(file, resumed);
    assertEquals(at, checkpoint.state().update());
    assertEquals("test", checkpoint.settings().get("note"));
    History continued = fit(resumed, checkpoint.optimizer(), config(variant, new CheckpointAt(-1, file)), checkpoint);

    for (int i = 0; i < whole.parameters().size(); i++) {
      assertArrayEquals(whole.parameters().get(i).value().doubles(), resumed.parameters().get(i).value().doubles(),
          whole.parameters().get(i).name());
    }
    History.Data a = uninterrupted.data();
    History.Data b = continued.data();
    assertArrayEquals(a.updateLoss(), b.updateLoss(), "per-update loss");
    assertArrayEquals(a.epochLoss(), b.epochLoss(), "epoch loss");
    assertArrayEquals(a.testLoss(), b.testLoss(), "test loss");
    assertArrayEquals(a.epochUpdates(), b.epochUpdates(), "updates per epoch");
  }
}
