package dev.descent.optimizers.clip;

import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/** Base class of the clipper providers: one constructor call each. Immutable and thread-safe. */
public abstract class ClipperSupport extends SimpleProvider<GradientClipper> implements ClipperProvider {

  protected ClipperSupport(String name, List<String> aliases, String description, List<ParamSpec> parameters,
      Function<Arguments, GradientClipper> factory) {
    super(name, aliases, description, parameters, factory);
  }
}
