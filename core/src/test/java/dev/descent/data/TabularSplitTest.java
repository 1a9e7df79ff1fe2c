package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import dev.descent.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a CSV file with column selection, a split and training-set standardization. */
class TabularSplitTest {
  @TempDir Path dir;

  private Path file() throws IOException {
    StringBuilder b = new StringBuilder("id,a,b,label\n");
    for (int i = 0; i < 10; i++) {
      b.append(i).append(',').append(i * 2).append(',').append(100 + i % 3).append(',').append(i % 2).append('\n');
    }
    Path f = dir.resolve("data.csv");
    Files.writeString(f, b.toString());
    return f;
  }

  @Test
  void selectsColumnsSplitsAndStandardizesWithTrainingStatisticsOnly() throws IOException {
    var loaded = TabularSplit.load(file(), new TabularSplit.Options("label", List.of("b", "a"), true, 0.3, 5), DType.FLOAT64);
    assertEquals(List.of("b", "a"), loaded.featureNames());
    assertEquals("label", loaded.labelName());
    assertEquals(7, loaded.train().size());
    assertEquals(3, loaded.test().size());
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double squares = 0;
      for (int r = 0; r < 7; r++) {
        double v = loaded.train().features().get(r, c);
        sum += v;
        squares += v * v;
      }
      assertEquals(0, sum / 7, 1e-12, "training mean of column " + c);
      assertEquals(1, squares / 7, 1e-12, "training variance of column " + c);
    }
  }

  @Test
  void withoutSplitOrStandardizationTheDataIsAsWritten() throws IOException {
    var loaded = TabularSplit.load(file(), new TabularSplit.Options(null, null, false, 0, 1), DType.FLOAT64);
    assertNull(loaded.test());
    assertNull(loaded.standardizer());
    assertEquals(List.of("id", "a", "b"), loaded.featureNames());
    assertEquals(18, loaded.train().features().get(9, 1));
  }

  @Test
  void aBadTestFractionIsAnError() {
    assertThrows(DescentException.class, () -> new TabularSplit.Options(null, null, true, 1.5, 1));
  }
}
