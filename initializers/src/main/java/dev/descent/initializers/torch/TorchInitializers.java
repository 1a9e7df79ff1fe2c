package dev.descent.initializers.torch;

import com.google.auto.service.AutoService;
import dev.descent.init.InitializerProvider;
import dev.descent.initializers.FanMode;
import dev.descent.initializers.Gain;
import dev.descent.initializers.Identity;
import dev.descent.initializers.SimpleInitializerProvider;
import dev.descent.initializers.VarianceScaling.Family;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * The providers of PyTorch's {@code torch.nn.init} schemes, with PyTorch's names (without the
 * trailing underscore), parameters and defaults. Each is registered with {@code @AutoService}.
 */
public final class TorchInitializers {
  private TorchInitializers() {}

  private static final String[] NONLINEARITIES = Gain.NONLINEARITIES.toArray(String[]::new);

  /** {@code uniform(a=0, b=1)}. */
  @AutoService(InitializerProvider.class)
  public static final class UniformProvider extends SimpleInitializerProvider {
    public UniformProvider() {
      super("uniform", "U(a, b) (PyTorch uniform_)",
          List.of(ParamSpec.number("a", 0.0, "the lower bound, finite"),
              ParamSpec.number("b", 1.0, "the upper bound, > a")),
          a -> new TorchUniform(a.getDouble("a"), a.getDouble("b")));
    }
  }

  /** {@code normal(mean=0, std=1)}. */
  @AutoService(InitializerProvider.class)
  public static final class NormalProvider extends SimpleInitializerProvider {
    public NormalProvider() {
      super("normal", "N(mean, std²) (PyTorch normal_)",
          List.of(ParamSpec.number("mean", 0.0, "the mean, finite"),
              ParamSpec.number("std", 1.0, "the standard deviation, ≥ 0")),
          a -> new TorchNormal(a.getDouble("mean"), a.getDouble("std")));
    }
  }

  /** {@code trunc_normal(mean=0, std=1, a=-2, b=2)}. */
  @AutoService(InitializerProvider.class)
  public static final class TruncNormalProvider extends SimpleInitializerProvider {
    public TruncNormalProvider() {
      super("trunc_normal", "N(mean, std²) conditioned on [a, b], absolute bounds (PyTorch trunc_normal_)",
          List.of(ParamSpec.number("mean", 0.0, "the mean of the normal, finite"),
              ParamSpec.number("std", 1.0, "the standard deviation of the normal, > 0"),
              ParamSpec.number("a", -2.0, "the lower bound (a value, not a multiple of std)"),
              ParamSpec.number("b", 2.0, "the upper bound, > a")),
          a -> new TruncNormal(a.getDouble("mean"), a.getDouble("std"), a.getDouble("a"), a.getDouble("b")));
    }
  }

  /** {@code xavier_uniform(gain=1)}. */
  @AutoService(InitializerProvider.class)
  public static final class XavierUniformProvider extends SimpleInitializerProvider {
    public XavierUniformProvider() {
      super("xavier_uniform", "U(±gain·√(6/(fan_in + fan_out))) (PyTorch xavier_uniform_; Glorot and Bengio 2010)",
          List.of(ParamSpec.number("gain", 1.0, "the scaling factor, > 0")),
          a -> new Xavier(Family.UNIFORM, a.getDouble("gain")));
    }
  }

  /** {@code xavier_normal(gain=1)}. */
  @AutoService(InitializerProvider.class)
  public static final class XavierNormalProvider extends SimpleInitializerProvider {
    public XavierNormalProvider() {
      super("xavier_normal", "N(0, std²), std = gain·√(2/(fan_in + fan_out)) (PyTorch xavier_normal_; Glorot and Bengio 2010)",
          List.of(ParamSpec.number("gain", 1.0, "the scaling factor, > 0")),
          a -> new Xavier(Family.UNTRUNCATED_NORMAL, a.getDouble("gain")));
    }
  }

  private static List<ParamSpec> kaimingParameters() {
    return List.of(
        ParamSpec.number("a", 0.0, "the negative slope of the rectifier that follows (leaky_relu only)"),
        ParamSpec.choice("mode", "fan_in", "fan_in preserves forward variance, fan_out backward", "fan_in", "fan_out"),
        ParamSpec.choice("nonlinearity", Kaiming.DEFAULT_NONLINEARITY, "the nonlinearity that follows, for calculate_gain",
            NONLINEARITIES));
  }

  /** {@code kaiming_uniform(a=0, mode=fan_in, nonlinearity=leaky_relu)}. */
  @AutoService(InitializerProvider.class)
  public static final class KaimingUniformProvider extends SimpleInitializerProvider {
    public KaimingUniformProvider() {
      super("kaiming_uniform",
          "U(±gain·√(3/fan)), gain = calculate_gain(nonlinearity, a) (PyTorch kaiming_uniform_; He et al. 2015)",
          kaimingParameters(),
          a -> new Kaiming(Family.UNIFORM, a.getDouble("a"), FanMode.parse("kaiming_uniform", a.getString("mode")),
              a.getString("nonlinearity")));
    }
  }

  /** {@code kaiming_normal(a=0, mode=fan_in, nonlinearity=leaky_relu)}. */
  @AutoService(InitializerProvider.class)
  public static final class KaimingNormalProvider extends SimpleInitializerProvider {
    public KaimingNormalProvider() {
      super("kaiming_normal",
          "N(0, std²), std = gain/√fan, gain = calculate_gain(nonlinearity, a) (PyTorch kaiming_normal_; He et al. 2015)",
          kaimingParameters(),
          a -> new Kaiming(Family.UNTRUNCATED_NORMAL, a.getDouble("a"),
              FanMode.parse("kaiming_normal", a.getString("mode")), a.getString("nonlinearity")));
    }
  }

  /** {@code eye}. */
  @AutoService(InitializerProvider.class)
  public static final class EyeProvider extends SimpleInitializerProvider {
    public EyeProvider() {
      super("eye", "the rectangular identity matrix, 2-D only (PyTorch eye_)", List.of(), a -> Identity.eye());
    }
  }

  /** {@code sparse(sparsity, std=0.01)}. */
  @AutoService(InitializerProvider.class)
  public static final class SparseProvider extends SimpleInitializerProvider {
    public SparseProvider() {
      super("sparse",
          "N(0, std²) with ⌈sparsity·n⌉ of each input unit's n weights zero, 2-D only (PyTorch sparse_; Martens 2010)",
          List.of(ParamSpec.requiredNumber("sparsity", "the fraction of each input unit's weights set to zero, in [0, 1)"),
              ParamSpec.number("std", Sparse.DEFAULT_STD, "the standard deviation of the non-zero values, ≥ 0")),
          a -> new Sparse(a.getDouble("sparsity"), a.getDouble("std")));
    }
  }

  /** {@code pytorch_linear_default}. */
  @AutoService(InitializerProvider.class)
  public static final class PytorchLinearDefaultProvider extends SimpleInitializerProvider {
    public PytorchLinearDefaultProvider() {
      super("pytorch_linear_default",
          "a fresh torch.nn.Linear: weight kaiming_uniform(a=√5) = U(±1/√fan_in), bias U(±1/√fan_in) (use for weight and bias)",
          List.of(), a -> new PytorchLinearDefault());
    }
  }
}
