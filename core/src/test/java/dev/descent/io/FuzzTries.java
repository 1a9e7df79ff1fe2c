package dev.descent.io;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets how many tries each fuzz property runs: {@value #DEFAULT} in the default suite (about a
 * second), or {@code -Ddescent.fuzz.tries=N} for a long run, e.g.
 * {@code ./mvnw -pl core test -Dtest='*FuzzTest' -Ddescent.fuzz.tries=100000}.
 */
public final class FuzzTries implements AroundPropertyHook {
  /** The tries per property when the system property is not set. */
  static final int DEFAULT = 200;

  /** The tries per property. */
  static int tries() {
    return Integer.getInteger("descent.fuzz.tries", DEFAULT);
  }

  /** Applies to every property of the annotated class. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    context.attributes().setTries(tries());
    return property.execute();
  }
}
