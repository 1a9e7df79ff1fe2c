package dev.descent.optim;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.descent.spec.Registry;

/**
 * The registry of update rules found on the class path, resolved from specs such as
 * {@code sgd(lr=0.01, momentum=0.9)}; each resolution is a new optimizer with fresh state.
 * Thread-safe.
 */
public final class Optimizers {
  private Optimizers() {}

  private static final Supplier<Registry<Optimizer>> DEFAULT = Suppliers.memoize(() -> load(Optimizers.class.getClassLoader()));

  /** The registry visible to Descent's own class loader. */
  public static Registry<Optimizer> registry() {
    return DEFAULT.get();
  }

  /** The registry visible to {@code loader}. */
  public static Registry<Optimizer> load(ClassLoader loader) {
    return Registry.load("optimizers", OptimizerProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static Optimizer resolve(String spec) {
    return registry().resolve(spec);
  }
}
