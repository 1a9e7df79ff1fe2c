package dev.descent.initializers.keras;

import dev.descent.init.Fans;
import dev.descent.initializers.Constant;
import dev.descent.initializers.PredictableInitializer;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * What a fresh {@code keras.layers.Dense} gets: {@code kernel_initializer="glorot_uniform"} and
 * {@code bias_initializer="zeros"} (Keras 3 documentation, keras.layers.Dense). One scheme serves as
 * {@code weight_init} and {@code bias_init}: a rank-1 tensor is a bias and is zeroed, any other is
 * a kernel and gets U(±√(6/(fan_in + fan_out))). Immutable and thread-safe.
 */
public record KerasDenseDefault() implements PredictableInitializer {
  private static final Constant BIAS = new Constant(0);

  private static PredictableInitializer forShape(Shape shape) {
    return shape.rank() == 1 ? BIAS : Preset.GLOROT_UNIFORM;
  }

  @Override
  public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
    forShape(tensor.shape()).fill(tensor, fans, random);
  }

  @Override
  public Distribution distribution(Shape shape, Fans fans) {
    return forShape(shape).distribution(shape, fans);
  }

  @Override
  public String spec() {
    return "keras_dense_default";
  }
}
