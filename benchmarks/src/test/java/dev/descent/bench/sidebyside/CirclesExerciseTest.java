package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.data.Dataset;
import dev.descent.lab.experiments.InitializationExperiment;
import dev.descent.lab.experiments.TrainingRun;
import dev.descent.lab.progress.Progress;
import org.junit.jupiter.api.Test;

class CirclesExerciseTest {

  @Test
  void trainsExactlyAsTheInitializationExperimentsHeRun() {
    long seed = 7;
    long updates = 300;
    Dataset[] data = InitializationExperiment.data(seed);
    InitializationExperiment.Scheme he = InitializationExperiment.SCHEMES.stream()
        .filter(s -> s.name().equals("he")).findFirst().orElseThrow();
    TrainingRun.Result experiment = TrainingRun.run(new TrainingRun.Plan("he", InitializationExperiment.model(he.spec()),
        "sgd(lr=0.01)", "batch", 0, updates, seed), data[0], null, Progress.none());
    CirclesExercise.Run ours = CirclesExercise.train(CirclesExercise.data(seed), seed, updates);
    assertEquals(300, CirclesExercise.data(seed).size());
    assertEquals(experiment.history().updateLoss().last(), ours.finalCost(), 0.0);
  }
}
