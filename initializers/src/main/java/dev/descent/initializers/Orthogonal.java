package dev.descent.initializers;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.distribution.SphereCoordinate;
import dev.descent.spec.Arguments;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A (semi-)orthogonal matrix times {@code gain}: Keras's {@code Orthogonal(gain=1.0)} and PyTorch's
 * {@code orthogonal_(gain=1)} (Saxe, McClelland and Ganguli 2013, "Exact solutions to the nonlinear
 * dynamics of learning in deep linear neural networks").
 *
 * <p>The tensor is read as a matrix of rows = product of all dimensions but the last and cols = the
 * last dimension (Keras's flattening; for a 2-D weight PyTorch's gives the same matrix up to its
 * transposed layout). When rows ≥ cols the columns are orthonormal, WᵀW = gain²·I; otherwise the
 * rows are, WWᵀ = gain²·I. The matrix is Haar-distributed (see {@link RandomOrthogonal}), so each
 * element is distributed as gain times a coordinate of a uniform unit vector in R^max(rows, cols)
 * ({@link SphereCoordinate}). Tensors of rank below 2 are rejected, as both frameworks do.
 * Immutable and thread-safe.
 *
 * @param gain the multiplier, finite and &gt; 0
 */
public record Orthogonal(double gain) implements PredictableInitializer {

  public Orthogonal {
    Arguments.greaterThan("orthogonal", "gain", gain, 0);
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    fill("orthogonal", tensor, gain, random);
  }

  /** Fills {@code tensor} with gain·W; {@code owner} names the scheme in errors. */
  public static void fill(String owner, Tensor tensor, double gain, RandomGenerator random) {
    requireMatrix(owner, tensor.shape());
    long seed = random.nextLong();
    if (tensor.size() > 0) {
      RandomOrthogonal.fill(tensor, tensor.shape().rows(), tensor.shape().cols(), gain, seed);
    }
  }

  /** Fails unless {@code shape} has rank ≥ 2. */
  static void requireMatrix(String owner, Shape shape) {
    if (shape.rank() < 2) {
      throw new DescentException(String.format(
          "%s: needs a tensor of rank ≥ 2 (a weight matrix), got shape %s; use it for weights, not biases", owner, shape));
    }
  }

  @Override
  public Distribution distribution(Shape shape, Fans fans) {
    requireMatrix("orthogonal", shape);
    return new SphereCoordinate(Math.max(1, Math.max(shape.rows(), shape.cols())), gain);
  }

  @Override
  public String spec() {
    return SpecFormat.of("orthogonal", "gain", gain);
  }
}
