package dev.descent.optimizers;

import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerProvider;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/**
 * Base class of the optimizer providers: a name, aliases, a one-line description, the parameter
 * declarations (with PyTorch's or Keras's names and defaults) and a factory, so each rule's
 * provider is one constructor call. Immutable and thread-safe.
 */
public abstract class OptimizerSupport extends SimpleProvider<Optimizer> implements OptimizerProvider {

  protected OptimizerSupport(String name, List<String> aliases, String description, List<ParamSpec> parameters,
      Function<Arguments, Optimizer> factory) {
    super(name, aliases, description, parameters, factory);
  }
}
