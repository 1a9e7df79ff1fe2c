package dev.descent.initializers;

import dev.descent.DescentException;
import dev.descent.init.Fans;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.initializers.distribution.Mixture;
import dev.descent.initializers.distribution.PointMass;
import dev.descent.spec.Arguments;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * gain times the (rectangular) identity matrix: W[i][j] = gain if i = j, else 0. Keras's {@code
 * Identity(gain=1.0)} ({@code keras.initializers.Identity}, 2-D only, {@code gain·eye(rows, cols)})
 * and, with gain 1 and the name {@code eye}, PyTorch's {@code eye_} (2-D only, {@code
 * torch.eye(*shape)}), which "preserves the identity of the inputs in Linear layers, where as many
 * inputs are preserved as possible". Draws nothing from the generator. Immutable and thread-safe.
 *
 * @param name {@code identity} or {@code eye}, which specs and errors use
 * @param gain the diagonal value, finite
 */
public record Identity(String name, double gain) implements PredictableInitializer {

  public Identity {
    if (!name.equals("identity") && !name.equals("eye")) {
      throw new IllegalArgumentException("name must be identity or eye, got " + name);
    }
    Arguments.finite(name, "gain", gain);
  }

  /** Keras's {@code identity(gain)}. */
  public static Identity keras(double gain) {
    return new Identity("identity", gain);
  }

  /** PyTorch's {@code eye}. */
  public static Identity eye() {
    return new Identity("eye", 1);
  }

  private void requireMatrix(Shape shape) {
    if (shape.rank() != 2) {
      throw new DescentException(String.format(
          "%s: needs a 2-D weight matrix, got shape %s of rank %d", name, shape, shape.rank()));
    }
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    requireMatrix(tensor.shape());
    tensor.fill(0);
    int diagonal = Math.min(tensor.rows(), tensor.cols());
    for (int i = 0; i < diagonal; i++) {
      tensor.set(i, i, gain);
    }
  }

  @Override
  public Distribution distribution(Shape shape, Fans fans) {
    requireMatrix(shape);
    double size = (double) shape.rows() * shape.cols();
    double onDiagonal = size == 0 ? 0 : Math.min(shape.rows(), shape.cols()) / size;
    return Mixture.of(onDiagonal, new PointMass(gain), new PointMass(0));
  }

  @Override
  public String spec() {
    return name.equals("eye") ? "eye" : SpecFormat.of("identity", "gain", gain);
  }
}
