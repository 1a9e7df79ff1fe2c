package dev.descent.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the reference fixtures under {@code src/test/resources/dev/descent/reference/}, written by
 * {@code src/test/python/make_reference.py} from PyTorch. Lines are {@code ;}-separated fields;
 * {@code #} starts a comment line.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The non-comment lines of fixture {@code name}, each split at {@code ;}. */
  public static List<String[]> read(String name) {
    String path = "/dev/descent/reference/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test fixture " + path);
      }
      List<String[]> rows = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split(";", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Space-separated doubles. */
  public static double[] doubles(String field) {
    return Arrays.stream(field.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  /** Asserts |actual − expected| ≤ rel·|expected| + abs, with a message naming the case. */
  public static void assertClose(double expected, double actual, double rel, double abs, String what) {
    if (!(Math.abs(actual - expected) <= rel * Math.abs(expected) + abs)) {
      throw new AssertionError(String.format("%s: expected %s but was %s (difference %.3e)",
          what, expected, actual, Math.abs(actual - expected)));
    }
  }
}
