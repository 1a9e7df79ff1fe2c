package dev.descent.loss;

import dev.descent.spec.Provider;

/** The {@link java.util.ServiceLoader} service for losses, found by name by {@link Losses}. */
public interface LossProvider extends Provider<Loss> {}
