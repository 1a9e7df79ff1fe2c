package dev.descent.train;

import com.google.auto.service.AutoService;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.descent.spec.Registry;
import dev.descent.spec.SimpleProvider;
import java.util.List;
import java.util.function.Function;

/**
 * The registry of gradient-descent variants ({@code batch}, {@code sgd}, {@code minibatch(size=n)})
 * and their built-in providers. Thread-safe.
 */
public final class GradientDescents {
  private GradientDescents() {}

  private static final Supplier<Registry<GradientDescent>> DEFAULT = Suppliers.memoize(() -> Registry.load("gradient-descent variants", GradientDescentProvider.class, GradientDescents.class.getClassLoader()));

  /** The registry visible to Descent's own class loader. */
  public static Registry<GradientDescent> registry() {
    return DEFAULT.get();
  }

  /** Resolves {@code spec}, such as {@code minibatch(size=32)}. */
  public static GradientDescent resolve(String spec) {
    return registry().resolve(spec);
  }

  private abstract static class Support extends SimpleProvider<GradientDescent> implements GradientDescentProvider {
    Support(String name, List<String> aliases, String description, List<ParamSpec> params,
        Function<Arguments, GradientDescent> factory) {
      super(name, aliases, description, params, factory);
    }
  }

  @AutoService(GradientDescentProvider.class)
  public static final class BatchProvider extends Support {
    public BatchProvider() {
      super("batch", List.of("full_batch"), "the whole training set per update: one update per epoch",
          List.of(), a -> new GradientDescent.Batch());
    }
  }

  @AutoService(GradientDescentProvider.class)
  public static final class StochasticProvider extends Support {
    public StochasticProvider() {
      super("sgd", List.of("stochastic"), "one example per update: n updates per epoch",
          List.of(), a -> new GradientDescent.Stochastic());
    }
  }

  @AutoService(GradientDescentProvider.class)
  public static final class MiniBatchProvider extends Support {
    public MiniBatchProvider() {
      super("minibatch", List.of("mini_batch"), "size examples per update: ceil(n/size) updates per epoch",
          List.of(ParamSpec.integer("size", 32, "examples per update, ≥ 1 (often a power of two)")),
          a -> new GradientDescent.MiniBatch(a.getInt("size")));
    }
  }
}
