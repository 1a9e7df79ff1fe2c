package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.initializers.adaptive.Lsuv;
import dev.descent.initializers.adaptive.LsuvReport;
import dev.descent.nn.Activations;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code lsuv} brings every dense layer's output variance on a data batch within its tolerance of
 * one (Mishkin and Matas 2015), for deep tanh and relu networks, and fails clearly without data.
 */
class LsuvTest {

  private static Sequential deep(String activation, String init, int depth, int width) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      layers.add(Dense.of(width, init, "zeros"));
      layers.add(Activations.layer(activation));
    }
    layers.add(Dense.of(3, init, "zeros"));
    return new Sequential(layers);
  }

  /** A batch of skewed, unnormalized data, as real features are: x = 3·u² + 2 for u uniform. */
  private static Tensor batch(DType dtype, int rows, int cols) {
    SplittableRandom r = new SplittableRandom(12);
    Tensor t = Tensor.zeros(dtype, rows, cols);
    for (int i = 0; i < t.size(); i++) {
      double u = r.nextDouble();
      t.set(i, 3 * u * u + 2 + 0.1 * i % 7);
    }
    return t;
  }

  private static double variance(Tensor t) {
    double n = t.size();
    double mean = t.sum() / n;
    return t.sumOfSquares() / n - mean * mean;
  }

  @ParameterizedTest(name = "{0} {1} tolerance {2}")
  @CsvSource({"tanh, FLOAT64, 0.1", "relu, FLOAT64, 0.1", "tanh, FLOAT32, 0.05", "relu, FLOAT32, 0.02"})
  void everyLayersOutputVarianceEndsWithinTheToleranceOfOne(String activation, DType dtype, double tolerance) {
    Sequential model = deep(activation, "lsuv(tolerance=" + tolerance + ")", 10, 48);
    model.build(20, dtype, new SplittableRandom(6));
    Tensor x = batch(dtype, 256, 20);
    Lsuv lsuv = (Lsuv) ((Dense) model.layers().get(0)).weightInitializer();
    LsuvReport report = lsuv.initialize(model, x);
    assertTrue(report.converged(), report::toString);
    assertEquals(11, report.layers().size());
    for (int i = 0; i < model.layers().size(); i++) {
      if (model.layers().get(i) instanceof Dense) {
        double v = variance(model.forward(x, false, i + 1));
        assertTrue(Math.abs(v - 1) < tolerance, "layer " + i + ": output variance " + v + "\n" + report);
      }
    }
    assertTrue(report.layers().get(0).initialVariance() > 2, "the raw data is far from unit variance: " + report);
  }

  @Test
  void applyRescalesEveryDenseLayerWhateverInitializedIt() {
    Sequential model = deep("relu", "he_normal", 6, 32).build(20, DType.FLOAT64, new SplittableRandom(2));
    LsuvReport report = Lsuv.apply(model, batch(DType.FLOAT64, 128, 20), 0.1, 10);
    assertTrue(report.converged(), report::toString);
    assertEquals(7, report.layers().size());
  }

  @Test
  void failsClearlyWithoutData() {
    Sequential model = deep("tanh", "lsuv", 2, 8).build(4, DType.FLOAT32, new SplittableRandom(1));
    Lsuv lsuv = new Lsuv(0.1, 10);
    DescentException none = assertThrows(DescentException.class, () -> lsuv.initialize(model, null));
    assertEquals("lsuv: needs a non-empty batch of training data to measure each layer's output variance, got none",
        none.getMessage());
    DescentException empty = assertThrows(DescentException.class,
        () -> lsuv.initialize(model, Tensor.zeros(DType.FLOAT32, 0, 4)));
    assertEquals(none.getMessage(), empty.getMessage());
    DescentException unbuilt = assertThrows(DescentException.class,
        () -> lsuv.initialize(deep("tanh", "lsuv", 2, 8), batch(DType.FLOAT32, 4, 4)));
    assertTrue(unbuilt.getMessage().startsWith("lsuv: the model must be built"), unbuilt.getMessage());
  }

  @Test
  void constantDataCannotBeRescaledAndSaysSo() {
    Sequential model = deep("tanh", "lsuv", 2, 8).build(4, DType.FLOAT64, new SplittableRandom(1));
    Tensor zeros = Tensor.zeros(DType.FLOAT64, 16, 4);
    DescentException e = assertThrows(DescentException.class, () -> new Lsuv(0.1, 10).initialize(model, zeros));
    assertTrue(e.getMessage().startsWith("lsuv: layer 0 (0.weight) has output variance 0"), e.getMessage());
  }

  @Test
  void theTrainerRunsLsuvOnTrainingDataBeforeTheFirstUpdate() {
    Sequential model = deep("tanh", "lsuv(tolerance=0.05)", 6, 32);
    model.build(20, DType.FLOAT64, new SplittableRandom(3));
    Tensor x = batch(DType.FLOAT64, 256, 20);
    dev.descent.data.Dataset data = new dev.descent.data.Dataset(x, Tensor.zeros(DType.FLOAT64, 256, 3));
    List<Double> varianceAtFirstStep = new ArrayList<>();
    dev.descent.optim.Optimizer recordOnly = new dev.descent.optim.Optimizer() {
      @Override public void step(List<dev.descent.nn.Parameter> parameters) {
        if (varianceAtFirstStep.isEmpty()) {
          Tensor t = x;
          for (Layer layer : model.layers()) {
            t = layer.forward(t, false);
            if (layer instanceof Dense) {
              varianceAtFirstStep.add(variance(t));
            }
          }
        }
      }
      @Override public double learningRate() { return 0; }
      @Override public void setLearningRate(double learningRate) {}
      @Override public String spec() { return "none"; }
      @Override public dev.descent.optim.OptimizerState state() { return new dev.descent.optim.OptimizerState(java.util.Map.of()); }
      @Override public void restore(dev.descent.optim.OptimizerState state) {}
    };
    new dev.descent.train.Trainer(new dev.descent.train.Objective(model, dev.descent.loss.Losses.resolve("mse"), 0),
        recordOnly, dev.descent.train.TrainingConfig.updates(new dev.descent.train.GradientDescent.Batch(), 1, 0))
        .fit(data, null);
    assertEquals(7, varianceAtFirstStep.size());
    for (double v : varianceAtFirstStep) {
      assertEquals(1, v, 0.05, "layer output variance " + v);
    }
  }
}
