package dev.descent.init;

import dev.descent.spec.Provider;

/**
 * The {@link java.util.ServiceLoader} service for initializers: implement it, annotate the class
 * with {@code @AutoService(InitializerProvider.class)}, and the scheme is found by name by {@link
 * Initializers}, the command line and every spec.
 */
public interface InitializerProvider extends Provider<Initializer> {}
