package dev.descent.initializers;

import com.google.auto.service.AutoService;
import dev.descent.init.InitializerProvider;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * The providers of the schemes Keras and PyTorch share under one name and one meaning: {@code
 * zeros}, {@code ones}, {@code constant} and {@code orthogonal}. Each is registered with {@code @AutoService}.
 */
public final class CommonInitializers {
  private CommonInitializers() {}

  /** {@code zeros}: every element 0 (Keras Zeros, PyTorch zeros_). */
  @AutoService(InitializerProvider.class)
  public static final class ZerosProvider extends SimpleInitializerProvider {
    public ZerosProvider() {
      super("zeros", List.of("zero"), "every element 0 (Keras Zeros, PyTorch zeros_)", List.of(),
          a -> new Constant(0));
    }
  }

  /** {@code ones}: every element 1 (Keras Ones, PyTorch ones_). */
  @AutoService(InitializerProvider.class)
  public static final class OnesProvider extends SimpleInitializerProvider {
    public OnesProvider() {
      super("ones", List.of("one"), "every element 1 (Keras Ones, PyTorch ones_)", List.of(),
          a -> new Constant(1));
    }
  }

  /** {@code constant(value=0)}: every element {@code value} (Keras Constant, PyTorch constant_). */
  @AutoService(InitializerProvider.class)
  public static final class ConstantProvider extends SimpleInitializerProvider {
    public ConstantProvider() {
      super("constant", "every element equal to value (Keras Constant, PyTorch constant_)",
          List.of(ParamSpec.number("value", 0.0, "the value of every element, finite")),
          a -> new Constant(a.getDouble("value")));
    }
  }

  /** {@code orthogonal(gain=1)}: a Haar-random semi-orthogonal matrix times gain (Keras Orthogonal, PyTorch orthogonal_). */
  @AutoService(InitializerProvider.class)
  public static final class OrthogonalProvider extends SimpleInitializerProvider {
    public OrthogonalProvider() {
      super("orthogonal",
          "gain·Q, Q Haar-random with orthonormal columns (rows ≥ cols) or rows (Keras Orthogonal, PyTorch orthogonal_; Saxe et al. 2013)",
          List.of(ParamSpec.number("gain", 1.0, "the multiplier, > 0")),
          a -> new Orthogonal(a.getDouble("gain")));
    }
  }
}
