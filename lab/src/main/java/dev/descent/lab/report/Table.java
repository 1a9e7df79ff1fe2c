package dev.descent.lab.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A table of results: a name (its file name), a title, column names and rows of cells. A cell is a
 * string, a number or {@code null} (empty; NaN is shown empty too). Written as CSV with full
 * precision, as JSON, as an HTML table and as aligned text with four significant digits.
 * Immutable.
 *
 * @param name the file name without extension, such as {@code ranking}
 * @param title the caption
 * @param columns the column names
 * @param rows the rows, each as long as {@code columns}
 */
public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells for " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** A builder of a table with these columns. */
  public static Builder builder(String name, String title, String... columns) {
    return new Builder(name, title, List.of(columns));
  }

  /** Cell (row, column). */
  public Object cell(int row, int column) {
    return rows.get(row).get(column);
  }

  /** The column called {@code column}, as numbers (NaN for empty or text cells). */
  public double[] numbers(String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException(name + ": no column " + column);
    }
    double[] v = new double[rows.size()];
    for (int r = 0; r < v.length; r++) {
      v[r] = rows.get(r).get(c) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return v;
  }

  /** RFC 4180 CSV with a header row; numbers in full precision, empty for null and NaN. */
  public String toCsv() {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", columns.stream().map(Table::csvField).toList())).append('\n');
    for (List<Object> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        b.append(c == 0 ? "" : ",").append(csvField(exact(row.get(c))));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Aligned columns for a terminal, numbers with four significant digits. */
  public String toText() {
    int[] widths = new int[columns.size()];
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns);
    for (List<Object> row : rows) {
      cells.add(row.stream().map(Table::display).toList());
    }
    for (List<String> row : cells) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> row : cells) {
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        int column = c;
        boolean left = rows.stream().anyMatch(r -> r.get(column) instanceof String);
        String padded = left ? String.format("%-" + widths[c] + "s", cell) : String.format("%" + widths[c] + "s", cell);
        b.append(c == 0 ? "" : "  ").append(padded);
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** A cell as shown to people: four significant digits, integers as they are, empty for null/NaN. */
  public static String display(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double || cell instanceof Float) {
      double v = ((Number) cell).doubleValue();
      if (Double.isNaN(v)) {
        return "";
      }
      if (Double.isInfinite(v)) {
        return v > 0 ? "∞" : "−∞";
      }
      double a = Math.abs(v);
      if (a != 0 && (a < 1e-3 || a >= 1e6)) {
        return String.format(Locale.ROOT, "%.3e", v);
      }
      return String.format(Locale.ROOT, "%.4f", v);
    }
    return cell.toString();
  }

  private static String exact(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double d && d.isNaN()) {
      return "";
    }
    return cell.toString();
  }

  private static String csvField(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** Collects rows. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String title;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(String name, String title, List<String> columns) {
      this.name = name;
      this.title = title;
      this.columns = columns;
    }

    /** Appends a row. */
    public Builder row(Object... cells) {
      rows.add(java.util.Arrays.asList(cells));
      return this;
    }

    /** The table. */
    public Table build() {
      return new Table(name, title, columns, rows);
    }
  }
}
