package dev.descent.initializers;

import dev.descent.initializers.distribution.NormalMath;
import dev.descent.initializers.distribution.SpecialMath;
import dev.descent.initializers.distribution.TruncatedNormal;
import dev.descent.initializers.distribution.Uniform;
import dev.descent.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The special functions behind the predicted distributions, against scipy (fixture). */
class SpecialFunctionsTest {

  @Test
  void matchScipy() {
    for (String[] row : Fixtures.read("initializers-special.txt")) {
      double expected = Double.parseDouble(row[2]);
      double[] args = row[1].isEmpty() ? new double[0] : Fixtures.doubles(row[1]);
      String what = row[0] + "(" + row[1] + ")";
      switch (row[0]) {
        case "normal_cdf" -> Fixtures.assertClose(expected, NormalMath.cdf(args[0]), 1e-13, 1e-300, what);
        case "normal_survival" -> Fixtures.assertClose(expected, NormalMath.survival(args[0]), 1e-13, 1e-300, what);
        case "normal_quantile" -> Fixtures.assertClose(expected, NormalMath.quantile(args[0]), 1e-13, 1e-15, what);
        case "regularized_beta" -> Fixtures.assertClose(expected, SpecialMath.regularizedBeta(args[0], args[1], args[2]),
            1e-10, 1e-14, what);
        case "ln_gamma" -> Fixtures.assertClose(expected, SpecialMath.lnGamma(args[0]), 1e-13, 1e-14, what);
        case "truncated_std_correction" -> {
          Fixtures.assertClose(expected, VarianceScaling.TRUNCATED_STD_CORRECTION, 1e-15, 0, what);
          Fixtures.assertClose(expected, new TruncatedNormal(0, 1, -2, 2).std(), 1e-13, 0, "std of N(0,1) on [-2, 2]");
        }
        default -> throw new AssertionError("unknown fixture function " + row[0]);
      }
    }
  }

  @Test
  void quantileInvertsTheDistributionFunction() {
    for (double p = 0.0005; p < 1; p += 0.0371) {
      Fixtures.assertClose(p, NormalMath.cdf(NormalMath.quantile(p)), 1e-13, 0, "Φ(Φ⁻¹(" + p + "))");
      Fixtures.assertClose(NormalMath.quantile(p), NormalMath.quantileFast(p), 2e-9, 1e-12, "Acklam at " + p);
    }
  }

  @Test
  void uniformMoments() {
    Uniform u = new Uniform(-3, 5);
    Fixtures.assertClose(1, u.mean(), 0, 0, "mean");
    Fixtures.assertClose(8 / Math.sqrt(12), u.std(), 1e-15, 0, "std");
  }
}
