package dev.descent.examples;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.GradientDescents;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Writes a custom initializer and trains with it: a uniform distribution on ±√(6/fan_in)·gain/√2,
 * which for gain √2 has the variance of He initialization, 2/fan_in. An {@link Initializer} is a
 * record with a {@code fill} method that draws from the generator it is given (so the seed fixes
 * the weights) and a {@code spec}. To make it resolvable by name everywhere (specs, the command
 * line), wrap it in an {@code InitializerProvider} annotated {@code @AutoService} and put the jar on
 * the class path.
 */
public final class CustomInitializer {
  private CustomInitializer() {}

  /**
   * Uniform on [−a, a] with a = gain·√(3/fan_in): variance a²/3 = gain²/fan_in.
   *
   * @param gain the gain (√2 for relu)
   */
  record ScaledUniform(double gain) implements Initializer {
    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      double limit = gain * Math.sqrt(3.0 / Math.max(1, fans.fanIn()));
      for (int i = 0; i < tensor.size(); i++) {
        tensor.set(i, limit * (2 * random.nextDouble() - 1));
      }
    }

    @Override
    public String spec() {
      return "scaled_uniform(gain=" + gain + ")";
    }
  }

  /** Runs the example. */
  public static void main(String[] args) {
    SplittableRandom random = new SplittableRandom(7);
    Dataset train = Datasets.moons(400, 0.1, random.split(), DType.FLOAT32);
    Sequential model = Mlp.of(new int[] {16, 16}, "relu", 1, "sigmoid", new ScaledUniform(Math.sqrt(2)),
        Initializers.resolve("zeros"));
    model.build(2, DType.FLOAT32, random.split());

    Tensor w = model.parameters().get(0).value();
    System.out.printf("first layer: %d weights, variance %.4f (2/fan_in = %.4f)%n", w.size(),
        w.sumOfSquares() / w.size(), 2.0 / 2);

    Trainer trainer = new Trainer(new Objective(model, Losses.resolve("binary_cross_entropy"), 0),
        Optimizers.resolve("adam(lr=0.01)"), TrainingConfig.epochs(GradientDescents.resolve("minibatch(size=32)"), 50, 7));
    trainer.fit(train, null);
    System.out.printf("%s: train accuracy %.3f%n", new ScaledUniform(Math.sqrt(2)).spec(), trainer.evaluate(train).accuracy());
  }
}
