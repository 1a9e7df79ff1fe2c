package dev.descent.train;

import dev.descent.spec.Provider;

/** The {@link java.util.ServiceLoader} service for gradient-descent variants, found by {@link GradientDescents}. */
public interface GradientDescentProvider extends Provider<GradientDescent> {}
