package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Exponentials} against fdlibm ({@link StrictMath}, accurate to under one ulp), so the two
 * may differ by rounding only: exp within one ulp over its whole finite range (subnormal results
 * included), log1p within two ulps from the subnormals to 10³⁰⁰; and the special values.
 */
class ExponentialsTest {

  @Test
  void expIsWithinOneUlpOfFdlibm() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300_000; i++) {
      double x = switch (i % 3) {
        case 0 -> -745.2 + (709.8 + 745.2) * random.nextDouble();
        case 1 -> -Math.pow(2, -60 + 70 * random.nextDouble());
        default -> Math.pow(2, -60 + 69 * random.nextDouble());
      };
      double expected = StrictMath.exp(x);
      double actual = Exponentials.exp(x);
      assertTrue(Math.abs(actual - expected) <= Math.ulp(expected), "exp(" + x + ") = " + actual + ", fdlibm " + expected);
    }
  }

  @Test
  void expAtSpecialValues() {
    assertEquals(1.0, Exponentials.exp(0.0));
    assertEquals(1.0, Exponentials.exp(-0.0));
    assertEquals(Math.E, Exponentials.exp(1), Math.ulp(Math.E));
    assertEquals(0.0, Exponentials.exp(-746));
    assertEquals(0.0, Exponentials.exp(Double.NEGATIVE_INFINITY));
    assertEquals(Double.POSITIVE_INFINITY, Exponentials.exp(710));
    assertEquals(Double.POSITIVE_INFINITY, Exponentials.exp(Double.POSITIVE_INFINITY));
    double largest = Math.log(Double.MAX_VALUE);
    assertEquals(StrictMath.exp(largest), Exponentials.exp(largest), Math.ulp(Double.MAX_VALUE));
    assertEquals(Double.MIN_VALUE, Exponentials.exp(-745.1));
    assertTrue(Double.isNaN(Exponentials.exp(Double.NaN)));
  }

  @Test
  void log1pIsWithinTwoUlpsOfFdlibmForNonNegativeArguments() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 300_000; i++) {
      double x = i % 2 == 0 ? Math.pow(2, -1074 + 1084 * random.nextDouble()) : Math.pow(10, 300 * random.nextDouble());
      double expected = StrictMath.log1p(x);
      double actual = Exponentials.log1p(x);
      assertTrue(Math.abs(actual - expected) <= 2 * Math.ulp(expected), "log1p(" + x + ") = " + actual + ", fdlibm " + expected);
    }
  }

  @Test
  void log1pAtSpecialValues() {
    assertEquals(0.0, Exponentials.log1p(0.0));
    assertEquals(Math.log(2), Exponentials.log1p(1.0), Math.ulp(Math.log(2)));
    assertEquals(Double.MIN_VALUE, Exponentials.log1p(Double.MIN_VALUE));
    assertEquals(0x1p-60, Exponentials.log1p(0x1p-60));
    assertTrue(Double.isNaN(Exponentials.log1p(Double.POSITIVE_INFINITY)), "outside the domain");
    assertEquals(StrictMath.log1p(Double.MAX_VALUE), Exponentials.log1p(Double.MAX_VALUE), Math.ulp(709.8));
    assertTrue(Double.isNaN(Exponentials.log1p(Double.NaN)));
  }

  @Test
  void coefficientsAreTheReciprocalFactorialsAndFdlibmsLg() {
    assertEquals(1.0, Exponentials.expCoefficient(0));
    assertEquals(1.0 / 6227020800L, Exponentials.expCoefficient(13));
    assertEquals(6.666666666666735130e-01, Exponentials.logCoefficient(1));
    assertEquals(1.479819860511658591e-01, Exponentials.logCoefficient(7));
  }
}
