package dev.descent.examples;

import dev.descent.check.GradientCheck;
import dev.descent.data.Dataset;
import dev.descent.data.Datasets;
import dev.descent.loss.Losses;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.train.Objective;
import java.util.SplittableRandom;

/**
 * Runs a gradient check: compares backpropagation with centred finite differences on a small
 * float64 network with an L2 penalty, prints the relative error per parameter, and exits with
 * status 1 when it is above 1e-7 (the usual bound in double precision).
 */
public final class GradientCheckExample {
  private GradientCheckExample() {}

  /** Runs the check and returns whether it passed. */
  static boolean check() {
    SplittableRandom random = new SplittableRandom(3);
    Dataset batch = Datasets.moons(16, 0.1, random.split(), DType.FLOAT64);
    Sequential model = Mlp.of(new int[] {6, 4}, "tanh", 1, "sigmoid", "glorot_normal", "random_normal(stddev=0.1)");
    model.build(2, DType.FLOAT64, random.split());
    Objective objective = new Objective(model, Losses.resolve("binary_cross_entropy"), 0.01);

    GradientCheck.Result result = GradientCheck.check(objective, batch.features(), batch.targets());
    System.out.print(result.report());
    boolean passes = result.passes(1e-7);
    System.out.printf("%s: relative error %.2e%n", passes ? "PASS" : "FAIL", result.relativeError());
    return passes;
  }

  /** Runs the example. */
  public static void main(String[] args) {
    if (!check()) {
      System.exit(1);
    }
  }
}
