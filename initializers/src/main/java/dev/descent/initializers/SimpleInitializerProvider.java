package dev.descent.initializers;

import dev.descent.init.Initializer;
import dev.descent.init.InitializerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/**
 * An {@link InitializerProvider} described by values, so a provider is one constructor call:
 * name, aliases, a one-line description with the formula and its source, parameter declarations,
 * and a factory that builds the validated record. Third-party plugins may extend it too.
 * Immutable and thread-safe.
 */
public abstract class SimpleInitializerProvider extends SimpleProvider<Initializer> implements InitializerProvider {

  /** A provider with the given name, aliases, description, parameters and factory. */
  protected SimpleInitializerProvider(String name, List<String> aliases, String description,
      List<ParamSpec> parameters, Function<Arguments, Initializer> factory) {
    super(name, aliases, description, parameters, factory);
  }

  /** A provider without aliases. */
  protected SimpleInitializerProvider(String name, String description, List<ParamSpec> parameters,
      Function<Arguments, Initializer> factory) {
    this(name, List.of(), description, parameters, factory);
  }
}
