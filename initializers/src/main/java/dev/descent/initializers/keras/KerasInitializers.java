package dev.descent.initializers.keras;

import com.google.auto.service.AutoService;
import dev.descent.init.InitializerProvider;
import dev.descent.initializers.FanMode;
import dev.descent.initializers.Identity;
import dev.descent.initializers.SimpleInitializerProvider;
import dev.descent.initializers.VarianceScaling;
import dev.descent.initializers.VarianceScaling.Family;
import dev.descent.spec.ParamSpec;
import java.util.List;

/**
 * The providers of Keras's initializers, with Keras 3's names, parameters and defaults
 * (keras.initializers). Each is registered with {@code @AutoService}.
 */
public final class KerasInitializers {
  private KerasInitializers() {}

  /** {@code random_normal(mean=0, stddev=0.05)}. */
  @AutoService(InitializerProvider.class)
  public static final class RandomNormalProvider extends SimpleInitializerProvider {
    public RandomNormalProvider() {
      super("random_normal", "N(mean, stddev²), untruncated (Keras RandomNormal)",
          List.of(ParamSpec.number("mean", 0.0, "the mean, finite"),
              ParamSpec.number("stddev", RandomNormal.DEFAULT_STDDEV, "the standard deviation, ≥ 0")),
          a -> new RandomNormal(a.getDouble("mean"), a.getDouble("stddev")));
    }
  }

  /** {@code random_uniform(minval=-0.05, maxval=0.05)}. */
  @AutoService(InitializerProvider.class)
  public static final class RandomUniformProvider extends SimpleInitializerProvider {
    public RandomUniformProvider() {
      super("random_uniform", "U(minval, maxval) (Keras RandomUniform)",
          List.of(ParamSpec.number("minval", -RandomUniform.DEFAULT_LIMIT, "the lower bound, finite"),
              ParamSpec.number("maxval", RandomUniform.DEFAULT_LIMIT, "the upper bound, > minval")),
          a -> new RandomUniform(a.getDouble("minval"), a.getDouble("maxval")));
    }
  }

  /** {@code truncated_normal(mean=0, stddev=0.05)}. */
  @AutoService(InitializerProvider.class)
  public static final class TruncatedNormalProvider extends SimpleInitializerProvider {
    public TruncatedNormalProvider() {
      super("truncated_normal",
          "N(mean, stddev²) with values beyond mean ± 2·stddev redrawn (Keras TruncatedNormal)",
          List.of(ParamSpec.number("mean", 0.0, "the mean, finite"),
              ParamSpec.number("stddev", RandomNormal.DEFAULT_STDDEV,
                  "the standard deviation of the normal before truncation, ≥ 0")),
          a -> new KerasTruncatedNormal(a.getDouble("mean"), a.getDouble("stddev")));
    }
  }

  /** {@code variance_scaling(scale=1, mode=fan_in, distribution=truncated_normal)}. */
  @AutoService(InitializerProvider.class)
  public static final class VarianceScalingProvider extends SimpleInitializerProvider {
    public VarianceScalingProvider() {
      super("variance_scaling",
          "variance scale/n, n = max(1, fan); truncated_normal: N(0, σ²) cut at ±2σ, σ = √(scale/n)/0.8796; "
              + "untruncated_normal: N(0, scale/n); uniform: U(±√(3·scale/n)) (Keras VarianceScaling)",
          List.of(ParamSpec.number("scale", 1.0, "the variance numerator, > 0"),
              ParamSpec.choice("mode", "fan_in", "which fan n is", "fan_in", "fan_out", "fan_avg"),
              ParamSpec.choice("distribution", "truncated_normal",
                  "the distribution (normal means truncated_normal, as in Keras)",
                  "truncated_normal", "untruncated_normal", "uniform", "normal")),
          a -> new VarianceScaling(a.getDouble("scale"), FanMode.parse("variance_scaling", a.getString("mode")),
              Family.parse("variance_scaling", a.getString("distribution"))));
    }
  }

  /** {@code glorot_uniform}. */
  @AutoService(InitializerProvider.class)
  public static final class GlorotUniformProvider extends SimpleInitializerProvider {
    public GlorotUniformProvider() {
      super("glorot_uniform", "U(±√(6/(fan_in + fan_out))) (Keras GlorotUniform; Glorot and Bengio 2010)",
          List.of(), a -> Preset.GLOROT_UNIFORM);
    }
  }

  /** {@code glorot_normal}. */
  @AutoService(InitializerProvider.class)
  public static final class GlorotNormalProvider extends SimpleInitializerProvider {
    public GlorotNormalProvider() {
      super("glorot_normal",
          "truncated normal (±2σ) with std √(2/(fan_in + fan_out)) (Keras GlorotNormal; Glorot and Bengio 2010)",
          List.of(), a -> Preset.GLOROT_NORMAL);
    }
  }

  /** {@code he_uniform}. */
  @AutoService(InitializerProvider.class)
  public static final class HeUniformProvider extends SimpleInitializerProvider {
    public HeUniformProvider() {
      super("he_uniform", "U(±√(6/fan_in)) (Keras HeUniform; He et al. 2015)", List.of(), a -> Preset.HE_UNIFORM);
    }
  }

  /** {@code he_normal}. */
  @AutoService(InitializerProvider.class)
  public static final class HeNormalProvider extends SimpleInitializerProvider {
    public HeNormalProvider() {
      super("he_normal", "truncated normal (±2σ) with std √(2/fan_in) (Keras HeNormal; He et al. 2015)",
          List.of(), a -> Preset.HE_NORMAL);
    }
  }

  /** {@code lecun_uniform}. */
  @AutoService(InitializerProvider.class)
  public static final class LecunUniformProvider extends SimpleInitializerProvider {
    public LecunUniformProvider() {
      super("lecun_uniform", "U(±√(3/fan_in)) (Keras LecunUniform; LeCun et al. 1998)", List.of(),
          a -> Preset.LECUN_UNIFORM);
    }
  }

  /** {@code lecun_normal}. */
  @AutoService(InitializerProvider.class)
  public static final class LecunNormalProvider extends SimpleInitializerProvider {
    public LecunNormalProvider() {
      super("lecun_normal", "truncated normal (±2σ) with std √(1/fan_in) (Keras LecunNormal; Klambauer et al. 2017)",
          List.of(), a -> Preset.LECUN_NORMAL);
    }
  }

  /** {@code identity(gain=1)}. */
  @AutoService(InitializerProvider.class)
  public static final class IdentityProvider extends SimpleInitializerProvider {
    public IdentityProvider() {
      super("identity", "gain·I, the rectangular identity matrix, 2-D only (Keras Identity)",
          List.of(ParamSpec.number("gain", 1.0, "the diagonal value, finite")),
          a -> Identity.keras(a.getDouble("gain")));
    }
  }

  /** {@code keras_dense_default}. */
  @AutoService(InitializerProvider.class)
  public static final class KerasDenseDefaultProvider extends SimpleInitializerProvider {
    public KerasDenseDefaultProvider() {
      super("keras_dense_default",
          "a fresh keras.layers.Dense: glorot_uniform kernel, zeros bias (a rank-1 tensor is a bias)",
          List.of(), a -> new KerasDenseDefault());
    }
  }
}
