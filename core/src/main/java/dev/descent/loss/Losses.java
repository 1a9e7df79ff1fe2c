package dev.descent.loss;

import com.google.auto.service.AutoService;
import dev.descent.spec.Arguments;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.descent.spec.Registry;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/**
 * The registry of losses and the built-in providers: {@code mse}, {@code binary_cross_entropy} and
 * {@code cross_entropy}, each with its Keras aliases. Thread-safe.
 */
public final class Losses {
  private Losses() {}

  private static final Supplier<Registry<Loss>> DEFAULT = Suppliers.memoize(() -> load(Losses.class.getClassLoader()));

  /** The registry visible to Descent's own class loader. */
  public static Registry<Loss> registry() {
    return DEFAULT.get();
  }

  /** The registry visible to {@code loader}. */
  public static Registry<Loss> load(ClassLoader loader) {
    return Registry.load("losses", LossProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static Loss resolve(String spec) {
    return registry().resolve(spec);
  }

  private abstract static class Support extends SimpleProvider<Loss> implements LossProvider {
    Support(String name, List<String> aliases, String description, Function<Arguments, Loss> factory) {
      super(name, aliases, description, List.of(), factory);
    }
  }

  @AutoService(LossProvider.class)
  public static final class MseProvider extends Support {
    public MseProvider() {
      super("mse", List.of("mean_squared_error"), MeanSquaredError.FORMULA, a -> new MeanSquaredError());
    }
  }

  @AutoService(LossProvider.class)
  public static final class BinaryCrossEntropyProvider extends Support {
    public BinaryCrossEntropyProvider() {
      super("binary_cross_entropy", List.of("binary_crossentropy", "bce"), BinaryCrossEntropy.FORMULA,
          a -> new BinaryCrossEntropy(false));
    }
  }

  @AutoService(LossProvider.class)
  public static final class CrossEntropyProvider extends Support {
    public CrossEntropyProvider() {
      super("cross_entropy", List.of("categorical_crossentropy", "sparse_categorical_crossentropy"),
          CrossEntropy.FORMULA, a -> new CrossEntropy());
    }
  }
}
