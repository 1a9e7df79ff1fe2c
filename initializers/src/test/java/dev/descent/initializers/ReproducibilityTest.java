package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.initializers.sampling.ChunkedFill;
import dev.descent.initializers.sampling.FillExecutor;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same seed gives the same values, on one thread or several, in float32 and float64. */
class ReproducibilityTest {
  /** Large enough to run in parallel chunks. */
  private static final int ROWS = 700;
  private static final int COLS = 600;

  private static float[] fill(String spec, long seed, int threads) {
    Tensor t = Tensor.zeros(DType.FLOAT32, ROWS, COLS);
    FillExecutor.withThreads(threads, () ->
        Initializers.resolve(spec).fill(t, Fans.dense(ROWS, COLS), new SplittableRandom(seed)));
    return t.floats().clone();
  }

  @ParameterizedTest
  @ValueSource(strings = {"he_normal", "kaiming_normal", "glorot_uniform", "trunc_normal(a=2.5, b=3)",
      "random_normal", "sparse(sparsity=0.3)", "orthogonal", "pytorch_linear_default"})
  void sameSeedSameValuesOnAnyThreadCount(String spec) {
    assertTrue(ROWS * COLS >= ChunkedFill.PARALLEL_THRESHOLD, "the tensor must be large enough to fill in parallel");
    assertArrayEquals(fill(spec, 42, 1), fill(spec, 42, 2), spec);
    assertArrayEquals(fill(spec, 42, 1), fill(spec, 42, 3), spec);
    assertFalse(java.util.Arrays.equals(fill(spec, 42, 2), fill(spec, 43, 2)), spec + ": another seed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"he_normal", "kaiming_uniform", "truncated_normal", "trunc_normal(a=2.5, b=3)", "normal"})
  void float32IsTheFloat64FillRounded(String spec) {
    Initializer init = Initializers.resolve(spec);
    Tensor f = Tensor.zeros(DType.FLOAT32, 300, 1000);
    Tensor d = Tensor.zeros(DType.FLOAT64, 300, 1000);
    init.fill(f, Fans.dense(300, 1000), new SplittableRandom(9));
    init.fill(d, Fans.dense(300, 1000), new SplittableRandom(9));
    for (int i = 0; i < f.size(); i++) {
      assertEquals((float) d.get(i), f.get(i), 0, spec + " element " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1000, 300_000})
  void anIidFillDrawsExactlyOneLongFromTheCallersGenerator(int size) {
    SplittableRandom used = new SplittableRandom(11);
    SplittableRandom reference = new SplittableRandom(11);
    Initializers.resolve("he_normal").fill(Tensor.zeros(DType.FLOAT32, dev.descent.tensor.Shape.of(size)),
        new Fans(10, 10), used);
    reference.nextLong();
    assertEquals(reference.nextLong(), used.nextLong());
  }
}
