package dev.descent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.init.Initializer;
import dev.descent.loss.Losses;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.testing.TestInitializers;
import dev.descent.testing.TestSgd;
import dev.descent.train.GradientDescent;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-layer diagnostics: exact statistics on hand-checked cases, and the warnings on broken networks. */
class TrainingDiagnosticsTest {
  @TempDir Path dir;

  private static Sequential mlp(int depth, int width, String activation, Initializer weights, Initializer bias) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      layers.add(new Dense(width, weights, bias));
      layers.add(Activations.layer(activation));
    }
    layers.add(new Dense(1, weights, bias));
    layers.add(Activations.layer("sigmoid"));
    return new Sequential(layers);
  }

  private static TrainingDiagnostics train(Sequential model, Dataset data, long updates, double lr, List<DiagnosticWarning> sink) {
    model.build(data.featureCount(), data.features().dtype(), new SplittableRandom(1));
    TrainingDiagnostics diagnostics = TrainingDiagnostics.of(data, sink::add);
    Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0);
    new Trainer(objective, new TestSgd(lr), TrainingConfig.updates(new GradientDescent.Batch(), updates, 1, diagnostics))
        .fit(data, null);
    return diagnostics;
  }

  private static Dataset circles() {
    return Datasets.circles(64, 0.05, 0.5, new SplittableRandom(3), DType.FLOAT64);
  }

  @Test
  void statisticsOfALinearLayerAreTheHandComputedOnes() {
    // y = x1 + 2·x2 on the probe rows (1, 0), (0, 1), (1, 1), (0, 0): outputs 1, 2, 3, 0.
    Tensor x = Tensor.of(DType.FLOAT64, 4, 2, 1, 0, 0, 1, 1, 1, 0, 0);
    Tensor y = Tensor.of(DType.FLOAT64, 4, 1, 0, 0, 0, 0);
    Sequential model = Sequential.of(new Dense(1, TestInitializers.values(1, 2), TestInitializers.zeros()));
    model.build(2, DType.FLOAT64, new SplittableRandom(1));
    TrainingDiagnostics diagnostics = new TrainingDiagnostics(x, TrainingDiagnostics.Thresholds.defaults(), w -> {});
    double lr = 0.1;
    new Trainer(new Objective(model, Losses.resolve("mse"), 0), new TestSgd(lr),
        TrainingConfig.updates(new GradientDescent.Batch(), 1, 1, diagnostics)).fit(new dev.descent.data.Dataset(x, y), null);

    LayerStatistics init = diagnostics.rows(0).get(0);
    assertEquals("dense 1 → linear", init.name());
    assertEquals(1.5, init.activationMean(), 1e-12);
    assertEquals(Math.sqrt(1.25), init.activationStd(), 1e-12, "population std of 1, 2, 3, 0");
    assertEquals(0, init.deadFraction());
    // MSE gradient: ∂J/∂W = (2/n)·Xᵀ(ŷ − y) = (2/4)·(1 + 3, 2 + 3) = (2, 2.5).
    double g = Math.hypot(2, 2.5);
    assertEquals(g, init.gradientNorm(), 1e-12);
    assertEquals(lr * g / Math.hypot(1, 2), init.updateRatio(), 1e-12, "‖ΔW‖/‖W‖ = lr·‖g‖/‖W‖ for plain gradient descent");
    assertEquals(2, diagnostics.rows().size(), "initialization and epoch 1");
  }

  @Test
  void zeroInitializationGivesZeroGradientsAndAVanishingWarningNamingTheLayers() {
    List<DiagnosticWarning> warnings = new ArrayList<>();
    TrainingDiagnostics d = train(mlp(2, 4, "relu", TestInitializers.zeros(), TestInitializers.zeros()), circles(), 3, 0.1, warnings);
    assertFalse(warnings.isEmpty());
    DiagnosticWarning first = warnings.get(0);
    assertEquals(DiagnosticWarning.Kind.VANISHING, first.kind());
    assertEquals(0, first.epoch());
    assertEquals(1, first.layer());
    assertTrue(first.message().contains("at layer 1 (dense 4 → relu)"), first.message());
    assertTrue(first.message().contains("at initialization"), first.message());
    assertEquals(1.0, d.rows(0).get(0).deadFraction(), "relu(0) = 0 for every unit");
    assertEquals(warnings, d.warnings());
    assertEquals(1, warnings.stream().filter(w -> w.layer() == 1).count(), "raised once, not every epoch");
  }

  @Test
  void aDeepSigmoidNetworkWithTinyWeightsHasVanishingGradientsInItsFirstLayers() {
    List<DiagnosticWarning> warnings = new ArrayList<>();
    TrainingDiagnostics d = train(mlp(12, 16, "sigmoid", TestInitializers.normal(0.01), TestInitializers.zeros()), circles(), 1,
        0.1, warnings);
    List<LayerStatistics> init = d.rows(0);
    assertEquals(13, init.size());
    assertTrue(init.get(0).gradientNorm() < 1e-6 * init.get(12).gradientNorm(),
        "layer 1 " + init.get(0).gradientNorm() + " vs output " + init.get(12).gradientNorm());
    assertTrue(warnings.stream().anyMatch(w -> w.layer() == 1 && w.kind() == DiagnosticWarning.Kind.VANISHING), warnings.toString());
    assertEquals(0.5, init.get(5).activationMean(), 0.01, "sigmoid(≈0) = 0.5");
    assertTrue(init.get(5).activationStd() < 0.01, "with almost no spread: " + init.get(5));
  }

  @Test
  void aDeepReluNetworkWithLargeWeightsExplodes() {
    List<DiagnosticWarning> warnings = new ArrayList<>();
    train(mlp(8, 32, "relu", TestInitializers.normal(2), TestInitializers.zeros()), circles(), 1, 1e-12, warnings);
    assertTrue(warnings.stream().anyMatch(w -> w.layer() == 1 && w.kind() == DiagnosticWarning.Kind.EXPLODING), warnings.toString());
  }

  @Test
  void largeTanhWeightsSaturateAndTheCsvHasOneRowPerLayerAndEpoch() throws IOException {
    TrainingDiagnostics d = train(mlp(3, 16, "tanh", TestInitializers.normal(5), TestInitializers.zeros()), circles(), 4, 0.01,
        new ArrayList<>());
    assertTrue(d.rows(0).get(1).saturatedFraction() > 0.5, "tanh of large inputs is ±1: " + d.rows(0).get(1));
    Path csv = dir.resolve("diagnostics.csv");
    d.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(LayerStatistics.CSV_HEADER, lines.get(0));
    assertEquals(1 + 4 * 5, lines.size(), "initialization + 4 epochs, 4 layers each");
    assertTrue(d.table(4).contains("dense 16 → tanh"), d.table(4));
  }

  @Test
  void heScaledReluNetworksRaiseNoWarning() {
    List<DiagnosticWarning> warnings = new ArrayList<>();
    train(mlp(4, 16, "relu", TestInitializers.normal(Math.sqrt(2.0 / 16)), TestInitializers.zeros()), circles(), 20, 0.1, warnings);
    assertTrue(warnings.isEmpty(), warnings.toString());
  }
}
