package dev.descent.optim;

import dev.descent.spec.Provider;

/**
 * The {@link java.util.ServiceLoader} service for update rules: implement it, annotate with
 * {@code @AutoService(OptimizerProvider.class)}, and the rule is found by name by {@link
 * Optimizers}. {@link #create} returns a new optimizer with fresh state each time.
 */
public interface OptimizerProvider extends Provider<Optimizer> {}
