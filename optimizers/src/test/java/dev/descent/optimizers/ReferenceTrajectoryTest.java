package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerState;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.DType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PyTorch rule reproduces the reference trajectory PyTorch 1.13 computes
 * ({@code torch_reference.py}; Lion, AdaBelief and LAMB against their authors' code), and every
 * Keras variant the trajectory of Keras 3's update rules ({@code keras_reference.py}), in float64 to
 * 1e-9 relative (elementwise) over 150 steps, at defaults and with every hyperparameter changed, and
 * ends with the same state.
 */
class ReferenceTrajectoryTest {
  static final ReferenceFixture TORCH = ReferenceFixture.load("/reference/torch_optimizers.txt");
  static final ReferenceFixture KERAS = ReferenceFixture.load("/reference/keras_optimizers.txt");
  static final double RELATIVE = 1e-9;

  static Stream<Arguments> cases() {
    return Stream.concat(TORCH.cases.stream().map(c -> Arguments.of(c, TORCH)),
        KERAS.cases.stream().map(c -> Arguments.of(c, KERAS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reproducesTrajectoryAndState(ReferenceFixture.Case c, ReferenceFixture fixture) {
    Optimizer optimizer = Optimizers.resolve(c.spec);
    QuadraticProblem problem = new QuadraticProblem(fixture, DType.FLOAT64, c.objective);
    for (int step = 1; step <= c.steps; step++) {
      problem.step(optimizer);
      double[] expected = c.at.get(step);
      if (expected != null) {
        assertClose(expected, problem.values(), 0, c.id + " step " + step);
      }
    }
    OptimizerState state = optimizer.state();
    for (Map.Entry<String, double[]> e : c.state.entrySet()) {
      double[] actual = state.get(e.getKey());
      assertNotNull(actual, c.id + ": no state entry " + e.getKey() + " in " + state.names());
      double scale = 0;
      for (double v : e.getValue()) {
        scale = Math.max(scale, Math.abs(v));
      }
      // State entries near zero (such as squared gradients at the minimum) are compared to the
      // buffer's scale: their own relative error says nothing about the trajectory.
      assertClose(e.getValue(), actual, RELATIVE * scale, c.id + " state " + e.getKey());
    }
  }

  static void assertClose(double[] expected, double[] actual, double absolute, String what) {
    assertTrue(expected.length == actual.length, what + ": length " + actual.length + " != " + expected.length);
    for (int i = 0; i < expected.length; i++) {
      double tolerance = RELATIVE * Math.max(Math.abs(expected[i]), Math.abs(actual[i])) + absolute;
      assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
          String.format("%s[%d]: expected %s, got %s (relative error %.3g)", what, i, expected[i], actual[i],
              Math.abs(expected[i] - actual[i]) / Math.abs(expected[i])));
    }
  }
}
