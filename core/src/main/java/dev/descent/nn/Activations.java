package dev.descent.nn;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.descent.spec.Registry;

/**
 * The registry of activation functions, resolved from specs such as {@code relu} or
 * {@code leaky_relu(negative_slope=0.2)}. Thread-safe.
 */
public final class Activations {
  private Activations() {}

  private static final Supplier<Registry<Activation>> DEFAULT = Suppliers.memoize(() -> load(Activations.class.getClassLoader()));

  /** The registry visible to Descent's own class loader. */
  public static Registry<Activation> registry() {
    return DEFAULT.get();
  }

  /** The registry visible to {@code loader}. */
  public static Registry<Activation> load(ClassLoader loader) {
    return Registry.load("activations", ActivationProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static Activation resolve(String spec) {
    return registry().resolve(spec);
  }

  /** A layer applying the activation {@code spec}. */
  public static ActivationLayer layer(String spec) {
    return new ActivationLayer(resolve(spec));
  }
}
