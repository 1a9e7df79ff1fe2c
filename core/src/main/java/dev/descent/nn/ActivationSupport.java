package dev.descent.nn;

import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/** Base class of the built-in activation providers: one constructor call each. */
abstract class ActivationSupport extends SimpleProvider<Activation> implements ActivationProvider {
  ActivationSupport(String name, List<String> aliases, String description, List<ParamSpec> parameters,
      Function<Arguments, Activation> factory) {
    super(name, aliases, description, parameters, factory);
  }
}
