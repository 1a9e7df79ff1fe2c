package dev.descent.spec;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Provider} described by values: a name, aliases, a description, parameter declarations
 * and a factory. Plugin kinds extend it with a class that also implements their service interface,
 * so a concrete provider is one constructor call. Immutable and thread-safe.
 *
 * @param <T> what the provider builds
 */
public abstract class SimpleProvider<T> implements Provider<T> {
  private final String name;
  private final ImmutableList<String> aliases;
  private final String description;
  private final ImmutableList<ParamSpec> parameters;
  private final Function<Arguments, T> factory;

  protected SimpleProvider(
      String name, List<String> aliases, String description, List<ParamSpec> parameters, Function<Arguments, T> factory) {
    this.name = name;
    this.aliases = ImmutableList.copyOf(aliases);
    this.description = description;
    this.parameters = ImmutableList.copyOf(parameters);
    this.factory = factory;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> aliases() {
    return aliases;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public final T create(Arguments arguments) {
    return factory.apply(arguments);
  }
}
