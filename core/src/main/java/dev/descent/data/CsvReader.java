package dev.descent.data;

import dev.descent.DescentException;
import dev.descent.spec.Names;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a numeric CSV file with a header row into a {@link Dataset}: one column is the label (by
 * name, default the last), the others are features, optionally only those named.
 *
 * <p>Fields are separated by commas; surrounding spaces and blank lines are ignored. A ragged row,
 * a field that is not a number, an unknown column or an empty file is a {@link DescentException}
 * naming the file, line and column. Stateless and thread-safe.
 */
public final class CsvReader {
  private CsvReader() {}

  /**
   * A parsed CSV file.
   *
   * @param dataset the features and the label column
   * @param featureNames the names of the feature columns, in order
   * @param labelName the name of the label column
   */
  public record Table(Dataset dataset, List<String> featureNames, String labelName) {}

  /** Reads {@code file} with {@code label} as the label column ({@code null}: the last column). */
  public static Table read(Path file, String label, DType dtype) {
    return read(file, label, null, dtype);
  }

  /**
   * Reads {@code file} with {@code label} as the label column ({@code null}: the last) and
   * {@code features} as the feature columns ({@code null}: all the others).
   */
  public static Table read(Path file, String label, List<String> features, DType dtype) {
    List<String> lines;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    } catch (NoSuchFileException e) {
      throw new DescentException(file + ": no such file");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new DescentException(file + ": cannot read: " + e.getMessage());
    }
    int headerLine = 0;
    while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.size()) {
      throw new DescentException(file + ": empty file; expected a header row and data rows");
    }
    List<String> header = split(lines.get(headerLine).replaceFirst("^\uFEFF", ""));
    for (int c = 0; c < header.size(); c++) {
      if (header.indexOf(header.get(c)) != c) {
        throw new DescentException(String.format("%s:%d:%d: column name '%s' appears twice", file, headerLine + 1, c + 1, header.get(c)));
      }
    }
    int labelIndex = label == null ? header.size() - 1 : column(file, header, label, headerLine + 1);
    List<Integer> featureIndices = new ArrayList<>();
    if (features == null) {
      for (int c = 0; c < header.size(); c++) {
        if (c != labelIndex) {
          featureIndices.add(c);
        }
      }
    } else {
      for (String f : features) {
        int index = column(file, header, f, headerLine + 1);
        if (index == labelIndex) {
          throw new DescentException(file + ": column '" + f + "' cannot be both a feature and the label");
        }
        featureIndices.add(index);
      }
    }
    if (featureIndices.isEmpty()) {
      throw new DescentException(file + ": no feature columns besides the label '" + header.get(labelIndex) + "'");
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = split(line);
      if (fields.size() != header.size()) {
        throw new DescentException(String.format(
            "%s:%d: %d fields, but the header has %d", file, i + 1, fields.size(), header.size()));
      }
      double[] values = new double[fields.size()];
      for (int c = 0; c < fields.size(); c++) {
        values[c] = number(file, i + 1, c + 1, header.get(c), fields.get(c));
      }
      rows.add(values);
    }
    if (rows.isEmpty()) {
      throw new DescentException(file + ": no data rows after the header");
    }
    Tensor x = Tensor.zeros(dtype, rows.size(), featureIndices.size());
    Tensor y = Tensor.zeros(dtype, rows.size(), 1);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < featureIndices.size(); c++) {
        x.set(r, c, rows.get(r)[featureIndices.get(c)]);
      }
      y.set(r, 0, rows.get(r)[labelIndex]);
    }
    List<String> names = featureIndices.stream().map(header::get).toList();
    return new Table(new Dataset(x, y), names, header.get(labelIndex));
  }

  private static int column(Path file, List<String> header, String name, int line) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new DescentException(String.format(
          "%s:%d: no column '%s'%s; columns: %s", file, line, name, Names.didYouMean(name, header),
          String.join(", ", header)));
    }
    return index;
  }

  private static double number(Path file, int line, int column, String name, String field) {
    try {
      double v = Double.parseDouble(field);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DescentException(String.format(
        "%s:%d:%d: column '%s' holds '%s', which is not a finite number", file, line, column, name, field));
  }

  private static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      fields.add(f.strip());
    }
    return fields;
  }
}
