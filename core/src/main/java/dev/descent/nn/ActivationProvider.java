package dev.descent.nn;

import dev.descent.spec.Provider;

/**
 * The {@link java.util.ServiceLoader} service for activation functions, found by name by {@link
 * Activations}.
 */
public interface ActivationProvider extends Provider<Activation> {}
