package dev.descent.initializers.adaptive;

import com.google.auto.service.AutoService;
import dev.descent.init.InitializerProvider;
import dev.descent.initializers.SimpleInitializerProvider;
import dev.descent.spec.ParamSpec;
import java.util.List;

/** The providers of the schemes that adapt to the model: {@code auto} and {@code lsuv}. */
public final class AdaptiveInitializers {
  private AdaptiveInitializers() {}

  /** {@code auto}. */
  @AutoService(InitializerProvider.class)
  public static final class AutoProvider extends SimpleInitializerProvider {
    public AutoProvider() {
      super("auto",
          "by the activation that follows: he_normal for the ReLU family, lecun_normal for selu, glorot_uniform otherwise",
          List.of(), a -> new Auto());
    }
  }

  /** {@code lsuv(tolerance=0.1, max_iterations=10)}. */
  @AutoService(InitializerProvider.class)
  public static final class LsuvProvider extends SimpleInitializerProvider {
    public LsuvProvider() {
      super("lsuv",
          "orthonormal start, then each layer's weight divided by √Var(output) on a data batch until |Var − 1| < tolerance "
              + "(Mishkin and Matas 2015)",
          List.of(ParamSpec.number("tolerance", Lsuv.DEFAULT_TOLERANCE, "the tolerance on |Var − 1|, in (0, 1)"),
              ParamSpec.integer("max_iterations", Lsuv.DEFAULT_MAX_ITERATIONS, "the most rescalings per layer, ≥ 1")),
          a -> new Lsuv(a.getDouble("tolerance"), a.getInt("max_iterations")));
    }
  }
}
