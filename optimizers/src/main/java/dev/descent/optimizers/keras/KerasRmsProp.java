package dev.descent.optimizers.keras;

import com.google.auto.service.AutoService;
import dev.descent.optim.OptimizerProvider;
import dev.descent.optimizers.OptimizerSupport;
import dev.descent.optimizers.ParameterSlot;
import dev.descent.optimizers.SpecText;
import dev.descent.spec.Arguments;
import dev.descent.spec.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3's {@code RMSprop} ({@code keras/src/optimizers/rmsprop.py}), which adds epsilon inside the
 * square root and keeps the learning rate inside the momentum buffer:
 *
 * <pre>
 *   θ ← θ − θ·λ·η
 *   v ← ρv + (1 − ρ)g²
 *   centered: ḡ ← ρḡ + (1 − ρ)g,  d = v − ḡ² + ε;   otherwise d = v + ε
 *   Δ = η·g/√d;   momentum μ &gt; 0: b ← μb + Δ, θ ← θ − b;   otherwise θ ← θ − Δ
 * </pre>
 *
 * <p>State: {@code velocity}, {@code momentum} when μ &gt; 0, {@code average_gradient} when
 * centered. Not thread-safe.
 */
public final class KerasRmsProp extends KerasOptimizer {
  static final String NAME = "keras_rmsprop";
  private final Config config;

  /**
   * Keras RMSprop's hyperparameters, validated on construction (with Keras's own ranges).
   *
   * @param learningRate η ≥ 0
   * @param rho ρ in [0, 1]
   * @param momentum μ in [0, 1]
   * @param epsilon ε &gt; 0
   * @param centered whether to normalize by the estimated variance
   * @param weightDecay λ ≥ 0
   */
  public record Config(double learningRate, double rho, double momentum, double epsilon, boolean centered,
      double weightDecay) {
    public Config {
      Arguments.atLeast(NAME, "learning_rate", learningRate, 0);
      Arguments.inClosed(NAME, "rho", rho, 0, 1);
      Arguments.inClosed(NAME, "momentum", momentum, 0, 1);
      Arguments.greaterThan(NAME, "epsilon", epsilon, 0);
      Arguments.atLeast(NAME, "weight_decay", weightDecay, 0);
    }

    /** The spec that rebuilds this configuration. */
    public String spec() {
      return SpecText.of(NAME).add("learning_rate", learningRate).add("rho", rho).add("momentum", momentum)
          .add("epsilon", epsilon).add("centered", centered).add("weight_decay", weightDecay).toString();
    }
  }

  /** Keras RMSprop with {@code config}. */
  public KerasRmsProp(Config config) {
    super(NAME, config.learningRate(), config.weightDecay(), buffers(config), List.of());
    this.config = config;
  }

  private static List<String> buffers(Config config) {
    List<String> names = new ArrayList<>(List.of("velocity"));
    if (config.momentum() > 0) {
      names.add("momentum");
    }
    if (config.centered()) {
      names.add("average_gradient");
    }
    return names;
  }

  /** The hyperparameters. */
  public Config config() {
    return config;
  }

  @Override
  public String spec() {
    return config.spec();
  }

  @Override
  protected void begin(ParameterSlot slot) {}

  @Override
  protected void update(double[] p, double[] g, double[][] b, int from, int to) {
    double lr = learningRate();
    double rho = config.rho();
    double c = 1 - rho;
    double eps = config.epsilon();
    double mu = config.momentum();
    double[] v = b[0];
    double[] buf = mu > 0 ? b[1] : null;
    double[] mean = config.centered() ? b[b.length - 1] : null;
    for (int i = from; i < to; i++) {
      double pi = decay(p[i]);
      double gi = g[i];
      double vi = rho * v[i] + c * (gi * gi);
      v[i] = vi;
      double denominator;
      if (mean != null) {
        double ai = rho * mean[i] + c * gi;
        mean[i] = ai;
        denominator = vi - ai * ai + eps;
      } else {
        denominator = vi + eps;
      }
      double increment = lr * gi / Math.sqrt(denominator);
      if (buf != null) {
        double bi = mu * buf[i] + increment;
        buf[i] = bi;
        p[i] = pi - bi;
      } else {
        p[i] = pi - increment;
      }
    }
  }

  /** The provider of {@code keras_rmsprop}. */
  @AutoService(OptimizerProvider.class)
  public static final class Provider extends OptimizerSupport {
    public Provider() {
      super(NAME, List.of(), "Keras 3 RMSprop: θ ← θ − ηg/√(v + ε), ε inside the square root",
          List.of(
              ParamSpec.number("learning_rate", 0.001, "learning rate η, ≥ 0"),
              ParamSpec.number("rho", 0.9, "decay ρ of the running averages, in [0, 1]"),
              ParamSpec.number("momentum", 0, "momentum μ, in [0, 1]"),
              ParamSpec.number("epsilon", 1e-7, "ε added inside the square root, > 0"),
              ParamSpec.flag("centered", false, "normalize by the estimated variance"),
              ParamSpec.number("weight_decay", 0, "decoupled weight decay λ: θ ← θ − θλη before each step, ≥ 0")),
          a -> new KerasRmsProp(new Config(a.getDouble("learning_rate"), a.getDouble("rho"), a.getDouble("momentum"),
              a.getDouble("epsilon"), a.getBoolean("centered"), a.getDouble("weight_decay"))));
    }
  }
}
