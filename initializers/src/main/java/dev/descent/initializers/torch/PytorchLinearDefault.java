package dev.descent.initializers.torch;

import dev.descent.init.Fans;
import dev.descent.initializers.IidInitializer;
import dev.descent.initializers.distribution.PointMass;
import dev.descent.initializers.distribution.Samplable;
import dev.descent.initializers.distribution.Uniform;

/**
 * What a fresh {@code torch.nn.Linear} gets from {@code reset_parameters()}: the weight from
 * {@code kaiming_uniform_(a=√5)}, whose bound is gain·√(3/fan_in) with gain = √(2/(1 + 5)), that is
 * 1/√fan_in; the bias from U(−1/√fan_in, 1/√fan_in), with fan_in the weight's (0 when fan_in is
 * 0, as PyTorch does). Both are U(±1/√fan_in), so one scheme serves as {@code weight_init} and
 * {@code bias_init}: Descent passes the weight's fans to the bias initializer. Immutable and
 * thread-safe.
 */
public record PytorchLinearDefault() implements IidInitializer {

  @Override
  public Samplable distribution(Fans fans) {
    return fans.fanIn() == 0 ? new PointMass(0) : Uniform.symmetric(1 / Math.sqrt(fans.fanIn()));
  }

  @Override
  public String spec() {
    return "pytorch_linear_default";
  }
}
