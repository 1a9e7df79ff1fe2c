package dev.descent.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.nn.Parameter;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.testing.TinyTraining;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trainer applies schedules per epoch or per update, from the optimizer's configured rate. */
class ScheduleCallbackTest {

  /** Records the learning rate each update uses. */
  static final class RateRecorder implements TrainingCallback {
    final List<Double> rates = new ArrayList<>();

    @Override
    public void beforeStep(TrainingProgress progress) {
      rates.add(progress.optimizer().learningRate());
    }
  }

  @Test
  void epochScheduleChangesTheRateAfterEachEpoch() {
    RateRecorder recorder = new RateRecorder();
    Optimizer sgd = Optimizers.resolve("sgd(lr=0.1)");
    // 8 examples, batches of 4: two updates per epoch.
    TinyTraining.fit(TinyTraining.model(), sgd, 3, 4, TinyTraining.data(8), null,
        new ScheduleCallback(Schedules.resolve("step(step_size=1, gamma=0.5)")), recorder);
    assertEquals(List.of(0.1, 0.1, 0.05, 0.05, 0.025, 0.025), recorder.rates);
    assertEquals(0.0125, sgd.learningRate());
  }

  @Test
  void updateScheduleChangesTheRateAfterEachUpdateStartingAtStepZero() {
    RateRecorder recorder = new RateRecorder();
    Optimizer sgd = Optimizers.resolve("sgd(lr=0.1)");
    TinyTraining.fit(TinyTraining.model(), sgd, 2, 4, TinyTraining.data(8), null,
        new ScheduleCallback(Schedules.resolve("linear_warmup(warmup_steps=4)")), recorder);
    double[] expected = {0.0, 0.025, 0.05, 0.075};
    assertEquals(expected.length, recorder.rates.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], recorder.rates.get(i), 1e-16);
    }
  }

  @Test
  void plateauMonitorsTheEpochLoss() {
    RateRecorder recorder = new RateRecorder();
    Optimizer sgd = Optimizers.resolve("sgd(lr=0)"); // the loss never improves
    TinyTraining.fit(TinyTraining.model(), sgd, 6, 8, TinyTraining.data(8), null,
        new ScheduleCallback(Schedules.resolve("reduce_on_plateau(patience=1, factor=0.5)")), recorder);
    assertEquals(6, recorder.rates.size());
    assertTrue(recorder.rates.stream().allMatch(r -> r == 0.0));

    RateRecorder second = new RateRecorder();
    Optimizer adam = Optimizers.resolve("adam(lr=1e-9)"); // improves by less than the threshold
    TinyTraining.fit(TinyTraining.model(), adam, 6, 8, TinyTraining.data(8), null,
        new ScheduleCallback(Schedules.resolve("reduce_on_plateau(patience=1, factor=0.5, eps=0)")), second);
    // epoch 1 sets the best; epochs 2 and 3 are bad, the second exceeds patience: halve after epoch 3.
    assertEquals(List.of(1e-9, 1e-9, 1e-9, 5e-10, 5e-10, 2.5e-10), second.rates);
  }

  @Test
  void monitoringTestLossWithoutATestSetIsAnError() {
    Optimizer sgd = Optimizers.resolve("sgd(lr=0.1)");
    Dataset data = TinyTraining.data(8);
    DescentException e = assertThrows(DescentException.class, () -> TinyTraining.fit(TinyTraining.model(), sgd, 2, 8,
        data, null, new ScheduleCallback(Schedules.resolve("reduce_on_plateau(monitor=test_loss)"))));
    assertTrue(e.getMessage().contains("test_loss needs a test set"), e.getMessage());
  }

  @Test
  void resumedRunsContinueLikeUninterruptedOnes() {
    var model = TinyTraining.model();
    Optimizer adam = Optimizers.resolve("adam(lr=0.05)");
    ScheduleCallback schedule = new ScheduleCallback(Schedules.resolve("cosine(t_max=4)"));
    TinyTraining.fit(model, adam, 2, 4, TinyTraining.data(8), null, schedule);
    OptimizerState saved = adam.state();
    double[] scheduleSaved = schedule.run().snapshot();
    List<double[]> weights = model.parameters().stream().map(p -> p.value().toDoubleArray()).toList();
    TinyTraining.fit(model, adam, 2, 4, TinyTraining.data(8), null, schedule);

    var resumedModel = TinyTraining.model();
    for (int i = 0; i < weights.size(); i++) {
      Parameter p = resumedModel.parameters().get(i);
      for (int j = 0; j < p.value().size(); j++) {
        p.value().set(j, weights.get(i)[j]);
      }
    }
    Optimizer resumed = Optimizers.resolve("adam(lr=0.05)");
    resumed.restore(saved);
    ScheduleCallback resumedSchedule = new ScheduleCallback(Schedules.resolve("cosine(t_max=4)"));
    resumedSchedule.resume(0.05, scheduleSaved);
    TinyTraining.fit(resumedModel, resumed, 2, 4, TinyTraining.data(8), null, resumedSchedule);
    for (int i = 0; i < weights.size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(model.parameters().get(i).value().toDoubleArray(),
          resumedModel.parameters().get(i).value().toDoubleArray());
    }
  }
}
