package dev.descent.lab.testing;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.InitializerProvider;
import dev.descent.spec.SimpleProvider;
import dev.descent.tensor.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A third-party initializer as a plugin author would write one, registered only on the test class
 * path (META-INF/services), so the tests can check that experiments iterate every registered
 * initializer, plugins included: |N(0, 1/fan_in)|, a half-normal.
 */
public final class HalfNormalPlugin extends SimpleProvider<Initializer> implements InitializerProvider {
  /** The plugin's name. */
  public static final String NAME = "lab_test_half_normal";

  public HalfNormalPlugin() {
    super(NAME, List.of(), "|N(0, 1/fan_in)| (a test plugin)", List.of(), a -> new HalfNormal());
  }

  record HalfNormal() implements Initializer {
    @Override
    public void fill(Tensor tensor, Fans fans, RandomGenerator random) {
      double std = 1 / Math.sqrt(Math.max(1, fans.fanIn()));
      for (int i = 0; i < tensor.size(); i++) {
        tensor.set(i, Math.abs(std * random.nextGaussian()));
      }
    }

    @Override
    public String spec() {
      return NAME;
    }
  }
}
