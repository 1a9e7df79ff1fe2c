package dev.descent.optimizers.surface;

import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/** Base class of the surface providers: one constructor call each. Immutable and thread-safe. */
public abstract class SurfaceSupport extends SimpleProvider<TestSurface> implements SurfaceProvider {

  protected SurfaceSupport(String name, String description, List<ParamSpec> parameters,
      Function<Arguments, TestSurface> factory) {
    super(name, List.of(), description, parameters, factory);
  }
}
