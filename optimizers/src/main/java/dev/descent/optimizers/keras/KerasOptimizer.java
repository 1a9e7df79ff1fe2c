package dev.descent.optimizers.keras;

import dev.descent.optimizers.FusedOptimizer;
import java.util.List;

/**
 * Base class of the Keras 3 variants: Keras's parameter name {@code learning_rate}, and Keras's
 * weight decay, which is always decoupled — before each update step BaseOptimizer applies
 * θ ← θ − θ·λ·η with the current learning rate η ({@code keras/src/optimizers/base_optimizer.py},
 * {@code _apply_weight_decay}) — so subclasses start each element with {@link #decay}. Not
 * thread-safe.
 */
public abstract class KerasOptimizer extends FusedOptimizer {
  private final double weightDecay;

  protected KerasOptimizer(String name, double learningRate, double weightDecay, List<String> buffers,
      List<String> scalars) {
    super(name, learningRate, buffers, 0, scalars);
    this.weightDecay = weightDecay;
  }

  @Override
  protected String learningRateParameter() {
    return "learning_rate";
  }

  /** Keras's decoupled weight decay of one value: θ − θ·λ·η (θ itself when λ = 0). */
  protected final double decay(double value) {
    return value - value * weightDecay * learningRate();
  }
}
