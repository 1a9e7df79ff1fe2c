package dev.descent.train;

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
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A NaN or infinite objective or gradient stops training, or skips the batch, as the policy says. */
class NonFinitePolicyTest {
  private static final Dataset TRAIN = Datasets.circles(32, 0.1, 0.5, new SplittableRandom(1), DType.FLOAT64);

  /**
   * An identity layer with one parameter whose gradient is zero, except that on the training
   * passes listed it poisons either its output (so the objective is NaN) or its gradient.
   */
  static final class Poison implements Layer {
    final boolean output;
    final List<Integer> passes;
    int pass;
    Parameter scale;

    Poison(boolean output, Integer... passes) {
      this.output = output;
      this.passes = List.of(passes);
    }

    @Override public String kind() { return "poison"; }
    @Override public String spec() { return "poison"; }
    @Override public int outputSize(int inputSize) { return inputSize; }

    @Override
    public void build(LayerContext context) {
      scale = Parameter.of(context.prefix() + "scale", Tensor.zeros(context.dtype(), 1, 1), false);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
      if (!training) {
        return input;
      }
      pass++;
      if (output && passes.contains(pass)) {
        Tensor poisoned = input.copy();
        poisoned.set(0, Double.NaN);
        return poisoned;
      }
      return input;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
      scale.grad().set(0, !output && passes.contains(pass) ? Double.POSITIVE_INFINITY : 0);
      return gradOutput;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(scale);
    }
  }

  static Trainer trainer(Poison poison, NonFinitePolicy policy) {
    Sequential model = Sequential.of(new Dense(4, TestInitializers.normal(0.5), TestInitializers.zeros()),
        Activations.layer("relu"), poison, new Dense(1, TestInitializers.normal(0.5), TestInitializers.zeros()),
        Activations.layer("sigmoid")).build(2, DType.FLOAT64, new SplittableRandom(0));
    return new Trainer(new Objective(model, new BinaryCrossEntropy(false), 0), new TestSgd(0.1),
        TrainingConfig.updates(new GradientDescent.MiniBatch(8), 10, 0).withNonFinite(policy));
  }

  @Test
  void aNonFiniteObjectiveStopsWithTheUpdateAndTheLayer() {
    var error = assertThrows(TrainingDivergedException.class,
        () -> trainer(new Poison(true, 3), NonFinitePolicy.STOP).fit(TRAIN, null));
    assertEquals(3, error.update());
    assertTrue(error.getMessage().startsWith("training diverged at update 3 (epoch 1): the objective is NaN"),
        error.getMessage());
    assertEquals(2, error.history().updates());
  }

  @Test
  void aNonFiniteGradientStopsNamingTheParameter() {
    var error = assertThrows(TrainingDivergedException.class,
        () -> trainer(new Poison(false, 5), NonFinitePolicy.STOP).fit(TRAIN, null));
    assertEquals(5, error.update());
    assertTrue(error.getMessage().contains("the gradient of 2.scale is not finite"), error.getMessage());
  }

  @Test
  void skippingDropsThePoisonedBatchesAndGoesOn() {
    Poison poison = new Poison(true, 2, 6);
    Trainer trainer = trainer(poison, NonFinitePolicy.SKIP);
    History history = trainer.fit(TRAIN, null);
    assertEquals(10, history.updates());
    assertEquals(12, poison.pass);
    for (int i = 0; i < history.updates(); i++) {
      assertTrue(Double.isFinite(history.updateLoss().get(i)));
    }
  }

  @Test
  void skippingEveryBatchOfAnEpochStops() {
    Integer[] all = new Integer[40];
    for (int i = 0; i < all.length; i++) {
      all[i] = i + 1;
    }
    var error = assertThrows(TrainingDivergedException.class,
        () -> trainer(new Poison(false, all), NonFinitePolicy.SKIP).fit(TRAIN, null));
    assertTrue(error.getMessage().startsWith("every batch of epoch 1 was skipped"), error.getMessage());
  }

  @Test
  void policiesAreParsedByName() {
    assertEquals(NonFinitePolicy.SKIP, NonFinitePolicy.parse("Skip"));
    var error = assertThrows(DescentException.class, () -> NonFinitePolicy.parse("ignore"));
    assertEquals("unknown non-finite policy 'ignore'; known policies: stop, skip", error.getMessage());
  }
}
