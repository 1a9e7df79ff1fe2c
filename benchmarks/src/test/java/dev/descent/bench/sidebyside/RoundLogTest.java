package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of every round under the side-by-side table. */
class RoundLogTest {

  @Test
  void listsEachMeasuresRoundsSideBySideInTheOrderRecorded() {
    RoundLog log = new RoundLog();
    log.add("2-10-5-1 exercise (s)", "Descent", 0.1504);
    log.add("2-10-5-1 exercise (s)", "NumPy", 1.017);
    log.add("2-10-5-1 exercise (s)", "Descent", 0.3);
    log.add("MLP batch 1 (samples/s)", "Descent", 8056.4);
    log.add("MLP batch 1 (samples/s)", "PyTorch", Double.NaN);
    log.add("2-10-5-1 exercise (s)", "NumPy", 0.99);
    assertEquals(List.of(
        "2-10-5-1 exercise (s): Descent 0.150 0.300 | NumPy 1.017 0.990",
        "MLP batch 1 (samples/s): Descent 8,056"), log.lines());
  }

  @Test
  void isEmptyWhenNothingRan() {
    assertEquals(List.of(), new RoundLog().lines());
  }
}
