package dev.descent.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many inputs the fuzz properties try, and from which seed.
 *
 * <p>By default a property runs the tries of its {@code @Property} annotation (a few hundred, a
 * second or so) from the fixed seed {@value #DEFAULT_SEED}, so the default suite is reproducible.
 * Longer runs are opt-in through system properties, which Maven passes on to the tests:
 *
 * <pre>
 * ./mvnw -pl core test -Dtest='*FuzzTest' -Ddescent.fuzz.tries=100000            # a fresh random seed
 * ./mvnw -pl core test -Dtest='*FuzzTest' -Ddescent.fuzz.tries=100000 -Ddescent.fuzz.seed=42
 * </pre>
 *
 * <p>A failing property prints its seed and the shrunk input; {@code -Ddescent.fuzz.seed} replays it.
 * Used with {@code @AddLifecycleHook(FuzzTries.class)} on a test class.
 */
public final class FuzzTries implements AroundPropertyHook {
  /** The system property that sets the number of tries per property. */
  public static final String TRIES = "descent.fuzz.tries";

  /** The system property that sets the seed. */
  public static final String SEED = "descent.fuzz.seed";

  /** The seed of the default runs. */
  public static final String DEFAULT_SEED = "20240611";

  /** The tries per property in the default suite, unless the property's annotation says otherwise. */
  public static final int DEFAULT = 200;

  /** The tries per property of this run: {@value #TRIES} when set, otherwise {@link #DEFAULT}. */
  public static int tries() {
    String tries = System.getProperty(TRIES);
    return tries == null || tries.isBlank() ? DEFAULT : Integer.parseInt(tries.strip());
  }

  /** Applies to every property of the class that adds it. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty(TRIES);
    String seed = System.getProperty(SEED);
    if (tries != null && !tries.isBlank()) {
      context.attributes().setTries(Integer.parseInt(tries.strip()));
    }
    if (seed != null && !seed.isBlank()) {
      context.attributes().setSeed(seed.strip());
    } else if (tries == null || tries.isBlank()) {
      context.attributes().setSeed(DEFAULT_SEED);
    }
    return property.execute();
  }
}
