package dev.descent.nn;

import static dev.descent.testing.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * erf, Φ, φ and σ against published values (Abramowitz and Stegun table 7.1; mpmath at 40 digits)
 * and the C library's erf (fixture {@code reference/erf.txt}, from Python's {@code math.erf}).
 */
class SpecialFunctionsTest {
  @ParameterizedTest(name = "erf({0}) = {1}")
  @CsvSource({
      "0.5, 0.5204998778130465",
      "1, 0.8427007929497149",
      "2, 0.9953222650189527",
      "-3, -0.9999779095030014",
      "0.1, 0.1124629160182849",
      "3.5, 0.9999992569016276",
      "0, 0",
  })
  void erfAtKnownPoints(double x, double expected) {
    // Accuracy that training needs; the documented "about one ulp" is checked (and fails) below.
    assertClose(expected, SpecialFunctions.erf(x), 0, 2e-15, "erf(" + x + ")");
  }

  @Test
  void erfMatchesTheCLibraryToTrainingAccuracy() {
    for (String[] row : Fixtures.read("erf.txt")) {
      double x = Double.parseDouble(row[0]);
      assertClose(Double.parseDouble(row[1]), SpecialFunctions.erf(x), 1e-15, 2e-15, "erf(" + x + ")");
    }
  }

  @Test
  void erfIsAccurateToAboutOneUlp() {
    List<String> failures = new ArrayList<>();
    for (String[] row : Fixtures.read("erf.txt")) {
      double x = Double.parseDouble(row[0]);
      double expected = Double.parseDouble(row[1]);
      double actual = SpecialFunctions.erf(x);
      if (Math.abs(actual - expected) > 2 * Math.ulp(expected)) {
        failures.add("erf(" + x + ") = " + actual + ", expected " + expected);
      }
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  @Test
  void erfIsOddWithLimitsAtInfinity() {
    for (double x = -7; x <= 7; x += 0.37) {
      assertEquals(-SpecialFunctions.erf(x), SpecialFunctions.erf(-x), 0.0, "odd at " + x);
    }
    assertEquals(1.0, SpecialFunctions.erf(Double.POSITIVE_INFINITY));
    assertEquals(-1.0, SpecialFunctions.erf(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, SpecialFunctions.erf(6.0));
    assertTrue(Double.isNaN(SpecialFunctions.erf(Double.NaN)));
  }

  @Test
  void erfIsBoundedByOneAndMonotone() {
    double previous = -1;
    for (double x = -6.5; x <= 6.5; x += 0.005) {
      double v = SpecialFunctions.erf(x);
      assertTrue(Math.abs(v) <= 1, "|erf(" + x + ")| = " + Math.abs(v) + " > 1");
      assertTrue(v >= previous, "erf decreases at " + x);
      previous = v;
    }
    for (double x = -12; x < 0; x += 0.01) {
      assertTrue(SpecialFunctions.normalCdf(x) >= 0, "Φ(" + x + ") < 0");
    }
  }

  @Test
  void normalCdfAndPdf() {
    assertEquals(0.5, SpecialFunctions.normalCdf(0), 0);
    assertClose(0.8413447460685429, SpecialFunctions.normalCdf(1), 2e-16, 0, "Φ(1)");
    assertClose(0.9772498680518208, SpecialFunctions.normalCdf(2), 2e-16, 0, "Φ(2)");
    assertClose(0.022750131948179195, SpecialFunctions.normalCdf(-2), 1e-13, 0, "Φ(−2)");
    assertClose(0.3989422804014327, SpecialFunctions.normalPdf(0), 2e-16, 0, "φ(0) = 1/√(2π)");
    assertClose(0.24197072451914337, SpecialFunctions.normalPdf(1), 2e-16, 0, "φ(1)");
  }

  @Test
  void sigmoidIsStableForLargeArguments() {
    assertEquals(0.5, SpecialFunctions.sigmoid(0));
    assertClose(0.7310585786300049, SpecialFunctions.sigmoid(1), 2e-16, 0, "σ(1)");
    assertClose(0.2689414213699951, SpecialFunctions.sigmoid(-1), 2e-16, 0, "σ(−1)");
    assertEquals(1.0, SpecialFunctions.sigmoid(1000));
    assertClose(9.85967654375977e-305, SpecialFunctions.sigmoid(-700), 1e-13, 0, "σ(−700) ≈ e^−700");
    assertEquals(0.0, SpecialFunctions.sigmoid(-1e6));
  }
}
