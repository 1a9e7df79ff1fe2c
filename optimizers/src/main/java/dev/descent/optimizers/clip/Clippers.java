package dev.descent.optimizers.clip;

import dev.descent.spec.Registry;

/**
 * The registry of gradient clippers on the class path, resolved from specs such as
 * {@code norm(max_norm=1)}; each resolution is a new clipper. Thread-safe.
 */
public final class Clippers {
  private Clippers() {}

  private static final class Holder {
    static final Registry<GradientClipper> DEFAULT = load(Clippers.class.getClassLoader());
  }

  /** The registry visible to Descent's own class loader. */
  public static Registry<GradientClipper> registry() {
    return Holder.DEFAULT;
  }

  /** The registry visible to {@code loader}. */
  public static Registry<GradientClipper> load(ClassLoader loader) {
    return Registry.load("clippers", ClipperProvider.class, loader);
  }

  /** Resolves {@code spec} with the default registry. */
  public static GradientClipper resolve(String spec) {
    return registry().resolve(spec);
  }
}
