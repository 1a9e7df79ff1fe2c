package org.example.descent;

import com.google.auto.service.AutoService;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.InitializerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.tensor.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A third-party initializer: each output unit's incoming weight vector is drawn uniformly on the
 * sphere of radius {@code norm} (a standard normal vector, divided by its length and scaled), as in
 * weight-normalized layers (Salimans and Kingma 2016), so every unit starts with the same input
 * norm. In Descent's {@code [in, out]} layout a unit's weights are a column.
 *
 * @param norm the Euclidean norm of every column, &gt; 0
 */
public record FixedNormInitializer(double norm) implements Initializer {

  public FixedNormInitializer {
    Arguments.greaterThan("fixed_norm", "norm", norm, 0);
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    int rows = tensor.rows();
    int cols = tensor.cols();
    for (int i = 0; i < tensor.size(); i++) {
      tensor.set(i, random.nextGaussian());
    }
    for (int c = 0; c < cols; c++) {
      double squares = 0;
      for (int r = 0; r < rows; r++) {
        squares += tensor.get(r, c) * tensor.get(r, c);
      }
      double scale = squares == 0 ? 0 : norm / Math.sqrt(squares);
      for (int r = 0; r < rows; r++) {
        tensor.set(r, c, tensor.get(r, c) * scale);
      }
    }
  }

  @Override
  public String spec() {
    return "fixed_norm(norm=" + norm + ")";
  }

  /** Registers {@code fixed_norm(norm=1)} with every Descent registry that can see this jar. */
  @AutoService(InitializerProvider.class)
  public static final class Provider implements InitializerProvider {
    @Override
    public String name() {
      return "fixed_norm";
    }

    @Override
    public String description() {
      return "each unit's incoming weights uniform on the sphere of radius norm (Salimans and Kingma 2016)";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.number("norm", 1.0, "the norm of every unit's incoming weights, > 0"));
    }

    @Override
    public Initializer create(Arguments arguments) {
      return new FixedNormInitializer(arguments.getDouble("norm"));
    }
  }
}
