package dev.descent.init;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.descent.spec.Registry;

/**
 * The registry of initialization schemes found on the class path, resolved from specs such as
 * {@code he_normal} or {@code random_normal(stddev=10)}. Thread-safe.
 */
public final class Initializers {
  private Initializers() {}

  private static final Supplier<Registry<Initializer>> DEFAULT = Suppliers.memoize(() -> load(Initializers.class.getClassLoader()));

  /** The registry of every initializer visible to Descent's own class loader. */
  public static Registry<Initializer> registry() {
    return DEFAULT.get();
  }

  /** The registry of every initializer visible to {@code loader}. */
  public static Registry<Initializer> load(ClassLoader loader) {
    return Registry.load("initializers", InitializerProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static Initializer resolve(String spec) {
    return registry().resolve(spec);
  }
}
