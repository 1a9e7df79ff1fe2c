package dev.descent.examples;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizers;
import dev.descent.persist.Checkpoint;
import dev.descent.persist.CheckpointFile;
import dev.descent.persist.Checkpointing;
import dev.descent.persist.ModelFile;
import dev.descent.tensor.DType;
import dev.descent.train.GradientDescents;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Checkpoints and exact resume: trains the circles network for 200 updates while writing a
 * checkpoint every 70, then reads the last checkpoint (after update 140) back into a fresh process
 * state and trains it to 200 updates again. The two final models are identical bit for bit, and
 * the model file loads into PyTorch's {@code nn.Sequential} under the same names.
 */
public final class ResumeTraining {
  private ResumeTraining() {}

  static Trainer trainer(Sequential model, dev.descent.optim.Optimizer optimizer, Checkpointing checkpoints) {
    Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0);
    TrainingConfig config = TrainingConfig.updates(GradientDescents.resolve("minibatch(size=32)"), 200, 7, checkpoints);
    return new Trainer(objective, optimizer, config);
  }

  /** Runs the example in a temporary directory. */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("descent-resume");
    Dataset train = Datasets.circles(300, 0.05, 0.8, new SplittableRandom(1), DType.FLOAT32);

    Sequential model = Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", "kaiming_normal", "zeros")
        .build(2, DType.FLOAT32, new SplittableRandom(2));
    Checkpointing checkpoints = new Checkpointing(dir.resolve("run.checkpoint.safetensors"), 70, Map.of());
    History whole = trainer(model, Optimizers.resolve("adam(lr=0.01)"), checkpoints).fit(train, null);
    ModelFile.save(dir.resolve("whole.safetensors"), model);

    Checkpoint last = CheckpointFile.read(checkpoints.file());
    Sequential resumedModel = last.model();
    History resumed = trainer(resumedModel, last.optimizer(), new Checkpointing(dir.resolve("again.safetensors"), 70,
        Map.of())).fit(train, null, last.state());

    boolean same = true;
    for (int i = 0; i < model.parameters().size(); i++) {
      same &= Arrays.equals(model.parameters().get(i).value().floats(), resumedModel.parameters().get(i).value().floats());
    }
    System.out.printf("checkpoint after update %d; resumed to %d updates; final loss %.6f vs %.6f; identical weights: %b%n",
        last.state().update(), resumed.updates(), whole.updateLoss().last(), resumed.updateLoss().last(), same);
    System.out.println("model file: " + dir.resolve("whole.safetensors"));
  }
}
