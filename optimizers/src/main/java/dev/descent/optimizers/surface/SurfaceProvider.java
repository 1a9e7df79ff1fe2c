package dev.descent.optimizers.surface;

import dev.descent.spec.Provider;

/**
 * The {@link java.util.ServiceLoader} service for test surfaces: implement it, annotate with
 * {@code @AutoService(SurfaceProvider.class)}, and {@link Surfaces} finds it by name.
 */
public interface SurfaceProvider extends Provider<TestSurface> {}
