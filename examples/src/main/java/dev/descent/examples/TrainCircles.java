package dev.descent.examples;

import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import dev.descent.train.GradientDescents;
import dev.descent.train.Objective;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.SplittableRandom;

/**
 * Trains a 2-10-5-1 network on two concentric circles with He initialization, Adam and mini-batch
 * gradient descent, and prints the training and test accuracy. (With {@code sgd(lr=0.1,
 * momentum=0.9)} instead, this seed kills every unit of the five-unit layer: {@code descent train
 * --diagnostics} shows its dead fraction reach 1 and warns that its gradient vanished.)
 */
public final class TrainCircles {
  private TrainCircles() {}

  /** Runs the example. */
  public static void main(String[] args) {
    SplittableRandom random = new SplittableRandom(42);
    Dataset train = Datasets.circles(300, 0.05, 0.8, random.split(), DType.FLOAT32);
    Dataset test = Datasets.circles(100, 0.05, 0.8, random.split(), DType.FLOAT32);

    Sequential model = Mlp.of(new int[] {10, 5}, "relu", 1, "sigmoid", "kaiming_normal", "zeros");
    model.build(2, DType.FLOAT32, random.split());
    Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0);

    Trainer trainer = new Trainer(objective, Optimizers.resolve("adam(lr=0.01)"),
        TrainingConfig.epochs(GradientDescents.resolve("minibatch(size=32)"), 300, 42));
    trainer.fit(train, test);

    System.out.printf("train accuracy %.3f, test accuracy %.3f%n",
        trainer.evaluate(train).accuracy(), trainer.evaluate(test).accuracy());
  }
}
