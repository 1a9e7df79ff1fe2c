package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  @Test
  void throughputRatioIsDescentOverOther() {
    Comparison c = new Comparison("MLP training, batch 32 (samples/s)", 30_000, 20_000, "PyTorch", true, 1.5);
    assertEquals(1.5, c.ratio(), 1e-12);
    assertEquals("yes", c.met());
    assertEquals("1.50×", c.ratioText());
    assertEquals("≥ 1.5×", c.targetText());
  }

  @Test
  void timeRatioIsOtherOverDescent() {
    Comparison c = new Comparison("2-10-5-1 exercise (s)", 0.2, 1.4, "NumPy", false, 10);
    assertEquals(7.0, c.ratio(), 1e-12);
    assertEquals("no", c.met());
    assertEquals("≥ 10×", c.targetText());
    assertEquals("0.200", c.descentText());
    assertEquals("1.400 (NumPy)", c.otherText());
  }

  @Test
  void missingFiguresAndTargetsShowDashes() {
    Comparison notRun = new Comparison("MLP training, batch 1 (samples/s)", 12_345, Double.NaN, "PyTorch", true, 10);
    assertEquals("-", notRun.ratioText());
    assertEquals("-", notRun.met());
    assertEquals("- (PyTorch did not run)", notRun.otherText());
    assertEquals("12,345", notRun.descentText());
    Comparison noTarget = new Comparison("x (s)", 1, 2, "PyTorch", false, Double.NaN);
    assertEquals("-", noTarget.met());
    assertEquals("-", noTarget.targetText());
  }

  @Test
  void tableAlignsEveryColumn() {
    String table = ComparisonTable.render(List.of(
        new Comparison("MLP training, batch 1 (samples/s)", 12_345, 1_234, "PyTorch", true, 10),
        new Comparison("2-10-5-1 exercise, best of 3 (s)", 0.2, 1.4, "NumPy", false, 10)));
    String[] lines = table.split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[0].startsWith("measure "), lines[0]);
    int descent = lines[0].indexOf("Descent") + "Descent".length();
    // numbers are right-aligned under their header
    assertEquals(descent, lines[1].indexOf("12,345") + "12,345".length(), table);
    assertEquals(descent, lines[2].indexOf("0.200") + "0.200".length(), table);
    int met = lines[0].indexOf("met?");
    assertEquals(met, lines[1].indexOf("yes"), table);
    assertEquals(met, lines[2].indexOf("no"), table);
  }
}
