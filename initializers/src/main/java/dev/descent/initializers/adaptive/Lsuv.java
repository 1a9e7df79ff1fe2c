package dev.descent.initializers.adaptive;

import com.google.common.collect.ImmutableList;
import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.Orthogonal;
import dev.descent.initializers.PredictableInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.nn.Dense;
import dev.descent.nn.Layer;
import dev.descent.nn.Sequential;
import dev.descent.spec.Arguments;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import dev.descent.train.DataDependentInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Layer-sequential unit-variance initialization, {@code lsuv(tolerance=0.1, max_iterations=10)}
 * (Mishkin and Matas 2015, "All you need is a good init", Algorithm 1):
 *
 * <ol>
 *   <li>fill every weight with an orthonormal matrix ({@link #fill}, Saxe et al. 2013);
 *   <li>then, with a batch of real data, for each dense layer L in order: compute the variance
 *       Var(B_L) of its output B_L (pre-activation, over every element of the batch), and while
 *       |Var(B_L) − 1| ≥ tolerance and fewer than max_iterations rescalings were done, set
 *       W_L ← W_L/√Var(B_L) ({@link #initialize}).
 * </ol>
 *
 * The second step needs the model and data, so the training loop runs it before the first update;
 * without data it fails with a message saying so. Biases are left as they are; with zero biases
 * one rescaling reaches variance one exactly. Immutable and thread-safe; {@link #initialize}
 * mutates the model.
 *
 * @param tolerance the tolerance on |Var − 1|, in (0, 1)
 * @param maxIterations the most rescalings per layer, ≥ 1
 */
public record Lsuv(double tolerance, int maxIterations) implements PredictableInitializer, DataDependentInitializer {
  /** The paper's tolerance. */
  public static final double DEFAULT_TOLERANCE = 0.1;
  /** The paper's T_max. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  public Lsuv {
    validate(tolerance, maxIterations);
  }

  private static void validate(double tolerance, int maxIterations) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw Arguments.rangeError("lsuv", "tolerance", tolerance, "in (0, 1)");
    }
    Arguments.atLeast("lsuv", "max_iterations", maxIterations, 1);
  }

  /** Step 1, the orthonormal start: an orthogonal matrix with gain 1. */
  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    Orthogonal.fill("lsuv", tensor, 1, random);
  }

  /** The distribution of the orthonormal start, before the data-dependent rescaling. */
  @Override
  public Distribution distribution(Shape shape, Fans fans) {
    return new Orthogonal(1).distribution(shape, fans);
  }

  /**
   * Step 2 for the dense layers of {@code model} whose weight initializer is an {@code lsuv}: the
   * hook the training loop calls before the first update.
   */
  @Override
  public LsuvReport initialize(Sequential model, Tensor batch) {
    return apply(model, batch, tolerance, maxIterations, d -> d.weightInitializer() instanceof Lsuv);
  }

  /** Step 2 for every dense layer of {@code model}, whatever initialized it. */
  public static LsuvReport apply(Sequential model, Tensor batch, double tolerance, int maxIterations) {
    validate(tolerance, maxIterations);
    return apply(model, batch, tolerance, maxIterations, d -> true);
  }

  private static LsuvReport apply(Sequential model, Tensor batch, double tolerance, int maxIterations,
      Predicate<Dense> selected) {
    if (batch == null || batch.size() == 0) {
      throw new DescentException(
          "lsuv: needs a non-empty batch of training data to measure each layer's output variance, got none");
    }
    if (model == null || !model.isBuilt()) {
      throw new DescentException("lsuv: the model must be built before its layers are rescaled on data");
    }
    Tensor x = model.forward(batch, false, 0);
    List<LsuvReport.Layer> results = new ArrayList<>();
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      Tensor y = layer.forward(x, false);
      if (layer instanceof Dense dense && selected.test(dense)) {
        double initial = variance(y);
        double v = initial;
        int iterations = 0;
        while (Math.abs(v - 1) >= tolerance && iterations < maxIterations) {
          if (!(v > 0) || !Double.isFinite(v)) {
            throw new DescentException(String.format(
                "lsuv: layer %d (%s) has output variance %s on the batch, so it cannot be rescaled to 1; "
                    + "check the data and the layers before it", i, dense.weight().name(), v));
          }
          dense.weight().value().scale(1 / Math.sqrt(v));
          iterations++;
          y = layer.forward(x, false);
          v = variance(y);
        }
        results.add(new LsuvReport.Layer(i, dense.weight().name(), initial, v, iterations,
            Math.abs(v - 1) < tolerance));
      }
      x = y;
    }
    return new LsuvReport(tolerance, ImmutableList.copyOf(results));
  }

  /** The variance of every element of {@code t}: mean of squares minus squared mean. */
  static double variance(Tensor t) {
    double n = t.size();
    double mean = t.sum() / n;
    return Math.max(0, t.sumOfSquares() / n - mean * mean);
  }

  @Override
  public String spec() {
    return SpecFormat.of("lsuv", "tolerance", tolerance, "max_iterations", maxIterations);
  }
}
