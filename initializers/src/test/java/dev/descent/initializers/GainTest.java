package dev.descent.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** {@link Gain} matches {@code torch.nn.init.calculate_gain}, value for value (fixture from torch 1.13). */
class GainTest {

  @Test
  void matchesPyTorchsTable() {
    for (String[] row : Fixtures.read("initializers-gain.txt")) {
      double expected = Double.parseDouble(row[2]);
      double actual = row[1].isEmpty() ? Gain.calculate(row[0]) : Gain.calculate(row[0], Double.parseDouble(row[1]));
      assertEquals(expected, actual, 1e-15 * expected, row[0] + " " + row[1]);
    }
  }

  @Test
  void publishedValues() {
    assertEquals(1, Gain.calculate("linear"));
    assertEquals(1, Gain.calculate("identity"));
    assertEquals(1, Gain.calculate("sigmoid"));
    assertEquals(5.0 / 3, Gain.calculate("tanh"));
    assertEquals(Math.sqrt(2), Gain.calculate("relu"));
    assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Gain.calculate("leaky_relu"));
    assertEquals(Math.sqrt(2 / 1.04), Gain.calculate("leaky_relu", 0.2), 1e-15);
    assertEquals(0.75, Gain.calculate("selu"));
  }

  @Test
  void unknownNonlinearityNamesTheParameterAndTheChoices() {
    DescentException e = assertThrows(DescentException.class, () -> Gain.calculate("tahn"));
    assertTrue(e.getMessage().contains("'nonlinearity'"), e.getMessage());
    assertTrue(e.getMessage().contains("tanh"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'tanh'"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
