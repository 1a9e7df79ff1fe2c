package dev.descent.optimizers.testing;

import dev.descent.data.Dataset;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.loss.MeanSquaredError;
import dev.descent.nn.Dense;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizer;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.GradientDescents;
import dev.descent.train.History;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingConfig;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A linear regression small enough for callback tests, trained with core's {@link Trainer}. */
public final class TinyTraining {
  private TinyTraining() {}

  /** Fills with fixed small values, so these tests need not depend on the initializers module. */
  record Fixed(double value) implements Initializer {
    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      for (int i = 0; i < tensor.size(); i++) {
        tensor.set(i, value * (1 + i % 3));
      }
    }

    @Override
    public String spec() {
      return "fixed(" + value + ")";
    }
  }

  /** y = 2x₀ − x₁ + 0.5 on {@code n} points. */
  public static Dataset data(int n) {
    Tensor x = Tensor.zeros(DType.FLOAT64, n, 2);
    Tensor y = Tensor.zeros(DType.FLOAT64, n, 1);
    for (int i = 0; i < n; i++) {
      double a = Math.sin(i);
      double b = Math.cos(3 * i);
      x.set(i, 0, a);
      x.set(i, 1, b);
      y.set(i, 2 * a - b + 0.5);
    }
    return new Dataset(x, y);
  }

  /** A one-layer model with fixed initial weights. */
  public static Sequential model() {
    return Sequential.of(new Dense(1, new Fixed(0.1), new Fixed(0))).build(2, DType.FLOAT64, new SplittableRandom(1));
  }

  /** Trains {@code model} with mini-batches of {@code batch} for {@code epochs}. */
  public static History fit(Sequential model, Optimizer optimizer, int epochs, int batch, Dataset train, Dataset test,
      TrainingCallback... callbacks) {
    TrainingConfig config = TrainingConfig.epochs(GradientDescents.resolve("minibatch(size=" + batch + ")"),
        epochs, 3, callbacks);
    return new Trainer(new Objective(model, new MeanSquaredError(), 0), optimizer, config).fit(train, test);
  }
}
