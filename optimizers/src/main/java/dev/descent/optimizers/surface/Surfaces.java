package dev.descent.optimizers.surface;

import dev.descent.spec.Registry;

/**
 * The registry of two-dimensional test surfaces on the class path, resolved from specs such as
 * {@code himmelblau} or {@code quadratic(a=1, b=50)}. Thread-safe.
 */
public final class Surfaces {
  private Surfaces() {}

  private static final class Holder {
    static final Registry<TestSurface> DEFAULT = load(Surfaces.class.getClassLoader());
  }

  /** The registry visible to Descent's own class loader. */
  public static Registry<TestSurface> registry() {
    return Holder.DEFAULT;
  }

  /** The registry visible to {@code loader}. */
  public static Registry<TestSurface> load(ClassLoader loader) {
    return Registry.load("surfaces", SurfaceProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static TestSurface resolve(String spec) {
    return registry().resolve(spec);
  }
}
