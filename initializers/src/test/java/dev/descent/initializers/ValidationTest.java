package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.init.Initializers;
import dev.descent.initializers.keras.RandomNormal;
import dev.descent.initializers.keras.RandomUniform;
import dev.descent.initializers.torch.Sparse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unknown schemes and bad parameters give one-line errors that name the parameter and what it
 * accepts.
 */
class ValidationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "random_normal(stddev=-1)        | random_normal: parameter 'stddev' must be a finite number ≥ 0, got -1",
    "normal(std=-0.5)                | normal: parameter 'std' must be a finite number ≥ 0, got -0.5",
    "truncated_normal(stddev=-2)     | truncated_normal: parameter 'stddev' must be a finite number ≥ 0, got -2",
    "trunc_normal(std=0)             | trunc_normal: parameter 'std' must be a finite number > 0, got 0",
    "trunc_normal(a=1, b=0)          | trunc_normal: parameter 'b' must be > a (1), got 0",
    "random_uniform(minval=1, maxval=1) | random_uniform: parameter 'maxval' must be > minval (1), got 1",
    "random_uniform(minval=3)        | random_uniform: parameter 'maxval' must be > minval (3), got 0.05",
    "uniform(a=2, b=1)               | uniform: parameter 'b' must be > a (2), got 1",
    "sparse(sparsity=1)              | sparse: parameter 'sparsity' must be in [0, 1), got 1",
    "sparse(sparsity=-0.1)           | sparse: parameter 'sparsity' must be in [0, 1), got -0.1",
    "sparse                          | sparse: parameter 'sparsity' is required (a number)",
    "sparse(sparsity=0.1, std=-1)    | sparse: parameter 'std' must be a finite number ≥ 0, got -1",
    "kaiming_normal(mode=fan_avg)    | kaiming_normal: parameter 'mode' must be one of fan_in, fan_out, got 'fan_avg'",
    "variance_scaling(mode=fan_inn)  | variance_scaling: parameter 'mode' must be one of fan_in, fan_out, fan_avg, got 'fan_inn' (did you mean 'fan_in'?)",
    "variance_scaling(distribution=gaussian) | variance_scaling: parameter 'distribution' must be one of truncated_normal, untruncated_normal, uniform, normal, got 'gaussian'",
    "variance_scaling(scale=0)       | variance_scaling: parameter 'scale' must be a finite number > 0, got 0",
    "xavier_uniform(gain=-1)         | xavier_uniform: parameter 'gain' must be a finite number > 0, got -1",
    "orthogonal(gain=0)              | orthogonal: parameter 'gain' must be a finite number > 0, got 0",
    "lsuv(tolerance=1.5)             | lsuv: parameter 'tolerance' must be in (0, 1), got 1.5",
    "lsuv(max_iterations=0)          | lsuv: parameter 'max_iterations' must be an integer ≥ 1, got 0",
    "he_normal(scale=2)              | he_normal: unknown parameter 'scale'; he_normal accepts no parameters",
    "random_normal(stdev=1)          | random_normal: unknown parameter 'stdev' (did you mean 'stddev'?); random_normal accepts mean, stddev",
  })
  void badParametersNameTheParameterAndItsRange(String spec, String message) {
    DescentException e = assertThrows(DescentException.class, () -> Initializers.resolve(spec));
    assertEquals(message, e.getMessage());
  }

  @Test
  void unknownNonlinearityListsTheChoices() {
    DescentException e = assertThrows(DescentException.class,
        () -> Initializers.resolve("kaiming_uniform(nonlinearity=relux)"));
    assertTrue(e.getMessage().startsWith("kaiming_uniform: parameter 'nonlinearity' must be one of linear, identity,"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("got 'relux' (did you mean 'relu'?)"), e.getMessage());
  }

  @Test
  void unknownSchemeSuggestsTheClosestAndListsTheKnownOnes() {
    DescentException e = assertThrows(DescentException.class, () -> Initializers.resolve("he_normall"));
    assertTrue(e.getMessage().startsWith("unknown initializer 'he_normall' (did you mean 'he_normal'?); known initializers: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("kaiming_normal"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void truncationIntervalWithoutMassIsRefused() {
    DescentException e = assertThrows(DescentException.class,
        () -> Initializers.resolve("trunc_normal(a=40, b=41)"));
    assertEquals("trunc_normal: [a, b] = [40, 41] holds no probability mass of N(0, 1²); move a and b nearer the mean",
        e.getMessage());
  }

  @Test
  void programmaticConstructionValidatesToo() {
    assertThrows(DescentException.class, () -> new RandomNormal(0, -1));
    assertThrows(DescentException.class, () -> new RandomUniform(0.5, 0.5));
    assertThrows(DescentException.class, () -> new Sparse(1.2, 0.01));
    assertThrows(DescentException.class, () -> new VarianceScaling(-1, FanMode.FAN_IN, VarianceScaling.Family.UNIFORM));
    assertThrows(DescentException.class, () -> new Orthogonal(Double.NaN));
  }
}
