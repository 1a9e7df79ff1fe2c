package dev.descent.optimizers.clip;

import dev.descent.spec.Provider;

/**
 * The {@link java.util.ServiceLoader} service for gradient clippers: implement it, annotate with
 * {@code @AutoService(ClipperProvider.class)}, and {@link Clippers} finds it by name.
 */
public interface ClipperProvider extends Provider<GradientClipper> {}
