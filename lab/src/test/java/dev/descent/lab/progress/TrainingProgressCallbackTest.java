package dev.descent.lab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.init.Initializers;
import dev.descent.loss.BinaryCrossEntropy;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.train.GradientDescent;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The progress message: one unit per update, the epoch's running mean loss, written when the last
 * one is {@value TrainingProgressCallback#REFRESH_MILLIS} ms old or more and at every epoch end, so
 * not once per update on a fast run.
 */
class TrainingProgressCallbackTest {

  @Test
  void aFastRunWritesAMessageAtTheStartOfEachIntervalAndAtEveryEpochEnd() {
    Recorder task = new Recorder();
    History history = train(task, 1_000_000L); // 1 ms per clock reading: 50 updates per message at most
    assertEquals(3 * 40, task.units, "one unit per update");
    List<String> everyMessage = messagesAfterEveryUpdate(history);
    List<String> expected = List.of(everyMessage.get(40), everyMessage.get(81), everyMessage.get(122)); // epoch ends
    assertEquals(expected.get(2), task.messages.get(task.messages.size() - 1), "the message after the last epoch");
    assertEquals(true, task.messages.containsAll(expected), task.messages + " lacks one of " + expected);
    assertEquals(true, task.messages.size() <= 3 + 3 * 2, task.messages.size() + " messages for 120 updates");
  }

  @Test
  void aSlowRunWritesAfterEveryUpdate() {
    Recorder task = new Recorder();
    History history = train(task, TrainingProgressCallback.REFRESH_MILLIS * 1_000_000L);
    assertEquals(messagesAfterEveryUpdate(history), task.messages);
  }

  /** The message after each update (the epoch's running mean loss) and after each epoch's end. */
  private static List<String> messagesAfterEveryUpdate(History history) {
    double[] losses = history.updateLoss().toArray();
    List<String> messages = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      double sum = 0;
      for (int u = 0; u < 40; u++) {
        sum += losses[40 * e + u];
        messages.add(message(e + 1, sum / (u + 1)));
      }
      messages.add(message(e + 1, sum / 40)); // the epoch's end
    }
    return messages;
  }

  /** Three epochs of 40 single-example updates, the clock advancing {@code step} ns per reading. */
  private static History train(Recorder task, long step) {
    Dataset data = Datasets.circles(40, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);
    Objective objective = new Objective(Sequential.of(
            new Dense(4, Initializers.resolve("he_normal"), Initializers.resolve("zeros")), Activations.layer("relu"),
            new Dense(1, Initializers.resolve("glorot_uniform"), Initializers.resolve("zeros")))
        .build(2, DType.FLOAT64, new SplittableRandom(2)), new BinaryCrossEntropy(true), 0);
    long[] now = {0};
    TrainingProgressCallback callback = new TrainingProgressCallback(task, 3, () -> now[0] += step);
    return new Trainer(objective, Optimizers.resolve("sgd(lr=0.1)"),
        TrainingConfig.epochs(new GradientDescent.Stochastic(), 3, 5, callback)).fit(data, null);
  }

  private static String message(int epoch, double loss) {
    return String.format(Locale.ROOT, "epoch %d/3, loss %.4f", epoch, loss);
  }

  /** A task that records what it is told. */
  private static final class Recorder implements ProgressTask {
    long units;
    final List<String> messages = new ArrayList<>();

    @Override
    public void advance(long units) {
      this.units += units;
    }

    @Override
    public void message(String extra) {
      messages.add(extra);
    }

    @Override
    public void close() {}
  }
}
