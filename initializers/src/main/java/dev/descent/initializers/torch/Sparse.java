package dev.descent.initializers.torch;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.PredictableInitializer;
import dev.descent.initializers.SpecFormat;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.distribution.Mixture;
import dev.descent.initializers.distribution.Normal;
import dev.descent.initializers.distribution.PointMass;
import dev.descent.initializers.sampling.Rng;
import dev.descent.spec.Arguments;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * PyTorch's {@code sparse_(sparsity, std=0.01)} (Martens 2010, "Deep learning via Hessian-free
 * optimization"; torch.nn.init): every element drawn from N(0, std²), then in each input unit's
 * weights exactly ⌈sparsity·n⌉ of the n entries, chosen uniformly at random, set to zero.
 *
 * <p>Layout: PyTorch zeroes ⌈sparsity·rows⌉ entries of each column of its {@code [out, in]} weight,
 * i.e. of each input unit's n = out outgoing weights. Descent's weight is {@code [in, out]}, so the
 * same rule is applied to each row: ⌈sparsity·cols⌉ zeros per row, which gives the same weight
 * matrix distribution for the same layer. An element is therefore 0 with probability
 * ⌈sparsity·cols⌉/cols and otherwise N(0, std²). 2-D only, as in PyTorch. Immutable and
 * thread-safe.
 *
 * @param sparsity the fraction of each input unit's weights set to zero, in [0, 1)
 * @param std the standard deviation of the non-zero values, ≥ 0
 */
public record Sparse(double sparsity, double std) implements PredictableInitializer {
  /** PyTorch's default standard deviation. */
  public static final double DEFAULT_STD = 0.01;

  public Sparse {
    Arguments.inHalfOpen("sparse", "sparsity", sparsity, 0, 1);
    Arguments.atLeast("sparse", "std", std, 0);
  }

  private static void requireMatrix(Shape shape) {
    if (shape.rank() != 2) {
      throw new DescentException(String.format(
          "sparse: needs a 2-D weight matrix, got shape %s of rank %d", shape, shape.rank()));
    }
  }

  /** The number of zeros in each row of a weight with {@code cols} columns: ⌈sparsity·cols⌉. */
  public int zerosPerRow(int cols) {
    return (int) Math.ceil(sparsity * cols);
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    requireMatrix(tensor.shape());
    Normal.of(0, std).fill(tensor, random);
    long seed = random.nextLong();
    int rows = tensor.rows();
    int cols = tensor.cols();
    int zeros = zerosPerRow(cols);
    if (zeros == 0) {
      return;
    }
    int[] order = new int[cols];
    for (int r = 0; r < rows; r++) {
      Rng rng = Rng.forChunk(seed, r);
      for (int c = 0; c < cols; c++) {
        order[c] = c;
      }
      for (int k = 0; k < zeros; k++) {
        int pick = k + rng.nextInt(cols - k);
        int chosen = order[pick];
        order[pick] = order[k];
        order[k] = chosen;
        tensor.set(r, chosen, 0);
      }
    }
  }

  @Override
  public Distribution distribution(Shape shape, Fans fans) {
    requireMatrix(shape);
    int cols = shape.cols();
    double zeroFraction = cols == 0 ? 0 : (double) zerosPerRow(cols) / cols;
    return Mixture.of(zeroFraction, new PointMass(0), Normal.of(0, std));
  }

  @Override
  public String spec() {
    return SpecFormat.of("sparse", "sparsity", sparsity, "std", std);
  }
}
