package dev.descent.spec;

import java.util.List;

/**
 * A named plugin that builds a {@code T} from validated arguments: an initializer, optimizer,
 * loss, activation, schedule or gradient-descent variant. Implementations are discovered with
 * {@link java.util.ServiceLoader} through a sub-interface per kind (such as
 * {@code InitializerProvider}) and registered with {@code @AutoService}.
 *
 * <p>A provider declares its parameters once; {@link Registry} parses a spec, binds it against
 * those declarations and calls {@link #create}. Implementations must be stateless and
 * thread-safe, with a public no-argument constructor.
 *
 * @param <T> what the provider builds
 */
public interface Provider<T> {

  /** The canonical name, lower case, as written in specs. */
  String name();

  /** Other names that resolve to this provider. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line: what it is, with its formula and source. */
  String description();

  /** The parameters it accepts, with types and defaults. */
  default List<ParamSpec> parameters() {
    return List.of();
  }

  /** Builds a validated instance; bad values are a {@link dev.descent.DescentException} naming the parameter. */
  T create(Arguments arguments);
}
