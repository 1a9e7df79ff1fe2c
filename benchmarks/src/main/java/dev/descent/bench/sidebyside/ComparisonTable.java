package dev.descent.bench.sidebyside;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link Comparison} rows as a plain-text table with the columns measure, Descent,
 * PyTorch/NumPy, ratio, target and met?, each column as wide as its widest cell. Stateless.
 */
public final class ComparisonTable {
  private ComparisonTable() {}

  /** The table, one line per row after a header line, each line ending in a newline. */
  public static String render(List<Comparison> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"measure", "Descent", "PyTorch/NumPy", "ratio", "target", "met?"});
    for (Comparison c : rows) {
      cells.add(new String[] {c.measure(), c.descentText(), c.otherText(), c.ratioText(), c.targetText(), c.met()});
    }
    int[] width = new int[6];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean number = i == 1 || i == 3;
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(i == 0 ? "" : "  ").append(number ? pad + row[i] : row[i] + pad);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
