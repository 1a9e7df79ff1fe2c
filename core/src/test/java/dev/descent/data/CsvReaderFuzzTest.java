package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.testing.FuzzTries;
import dev.descent.spec.Messages;
import dev.descent.spec.Mutation;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of {@link CsvReader}: random bytes, random text over the characters that
 * matter to CSV, and valid files after random edits (bit flips, truncation, insertion, deletion,
 * duplication). The only allowed outcomes are a table whose rows and columns agree and whose
 * values are finite, or a one-line {@link DescentException} naming the file; never another
 * exception, an out-of-memory error or a hang. Valid files, unedited, read back to the values they
 * were written from.
 *
 * <p>The default suite tries each property a few hundred times from a fixed seed; set
 * {@code -Ddescent.fuzz.tries=N} (and optionally {@code -Ddescent.fuzz.seed=S}) for longer runs,
 * see {@link FuzzTries}.
 */
@AddLifecycleHook(FuzzTries.class)
class CsvReaderFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static Path dir;

  /** Snippets that matter to CSV: separators, quotes, line ends, numbers, encodings (bytes as chars 0..255). */
  static final List<String> INTERESTING = List.of(",", ",,,,", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", ".", "e",
      "E", "-", "+", "0", "9", "1e999", "-1e39", "NaN", "Infinity", "0x1p3", "1f", "\u0000", "\u007F", "\u00FF",
      "\u00EF\u00BB\u00BF", "\u00C3\u00A9", "\u00C3", "\u00E2\u0080\u00A8", "\u00C2\u0085", "\u00ED\u00A0\u0080",
      "\u00F0\u009D\u0091\u00A5", "x".repeat(5000), "1,".repeat(200), "\n\n\n", "a,b\n");

  @BeforeContainer
  static void createDirectory() throws IOException {
    dir = Files.createTempDirectory("csv-fuzz");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A valid file, how it was written, and the values in it. */
  record Written(byte[] bytes, List<String> header, double[][] rows) {}

  @Provide
  Arbitrary<Written> validFiles() {
    Arbitrary<List<String>> headers = Arbitraries.strings().withCharRange('a', 'z').withChars("_ éü,\"")
        .ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank())
        .list().ofMinSize(2).ofMaxSize(6).uniqueElements(String::strip);
    Arbitrary<Double> values = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-1000, 1000).map(Integer::doubleValue)),
        Tuple.of(3, Arbitraries.doubles().between(-1e6, 1e6)),
        Tuple.of(1, Arbitraries.doubles().filter(Double::isFinite)),
        Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300)));
    Arbitrary<List<List<Double>>> rows = values.list().ofSize(6).list().ofMinSize(1).ofMaxSize(12);
    Arbitrary<Integer> styles = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    return Combinators.combine(headers, rows, styles).as(CsvReaderFuzzTest::write);
  }

  /** Writes a header and rows with spellings and spacing chosen by the bits of {@code style}. */
  private static Written write(List<String> header, List<List<Double>> values, int style) {
    String eol = switch (style & 3) {
      case 0 -> "\n";
      case 1 -> "\r\n";
      case 2 -> "\r";
      default -> "\n\n";
    };
    String pad = (style & 4) != 0 ? " " : "";
    StringBuilder text = new StringBuilder((style & 8) != 0 ? "\uFEFF" : "");
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      boolean quote = (style & 16) != 0 || name.contains(",") || name.contains("\"") || !name.equals(name.strip());
      text.append(c == 0 ? "" : ",").append(quote ? "\"" + name.replace("\"", "\"\"") + "\"" : pad + name + pad);
    }
    double[][] rows = new double[values.size()][header.size()];
    for (int r = 0; r < rows.length; r++) {
      text.append(eol);
      for (int c = 0; c < header.size(); c++) {
        double v = values.get(r).get(c);
        rows[r][c] = v;
        String spelled = switch ((style >>> (5 + c % 8)) % 3) {
          case 0 -> Double.toString(v);
          case 1 -> new BigDecimal(v).toPlainString();
          default -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) + (v == 0 && 1 / v < 0 ? ".0"
              : "") : Double.toString(v);
        };
        if (v == 0 && 1 / v < 0 && !spelled.startsWith("-")) {
          spelled = "-" + spelled;
        }
        boolean quote = (style >>> 20 & 1) != 0;
        text.append(c == 0 ? "" : ",").append(pad).append(quote ? "\"" + spelled + "\"" : spelled).append(pad);
      }
    }
    if ((style & (1 << 21)) != 0) {
      text.append(eol);
    }
    return new Written(text.toString().getBytes(StandardCharsets.UTF_8), header, rows);
  }

  @Property(tries = 200)
  void validFilesReadBackToTheValuesWritten(@ForAll("validFiles") Written file,
      @ForAll("dtypes") DType dtype) throws IOException {
    Path path = dir.resolve("valid.csv");
    Files.write(path, file.bytes());
    boolean overflows = Stream.of(file.rows()).flatMapToDouble(java.util.Arrays::stream)
        .anyMatch(v -> Float.isInfinite((float) v));
    if (dtype == DType.FLOAT32 && overflows) {
      DescentException e = org.junit.jupiter.api.Assertions.assertThrows(DescentException.class,
          () -> CsvReader.read(path, null, dtype));
      assertTrue(e.getMessage().contains("which is not a finite number in float32"), e.getMessage());
      return;
    }
    CsvReader.Table t = CsvReader.read(path, null, dtype);
    int cols = file.header().size();
    assertEquals(file.header().subList(0, cols - 1), t.featureNames());
    assertEquals(file.header().get(cols - 1), t.labelName());
    double[] x = t.dataset().features().toDoubleArray();
    double[] y = t.dataset().targets().toDoubleArray();
    assertEquals(file.rows().length, t.dataset().size());
    for (int r = 0; r < file.rows().length; r++) {
      for (int c = 0; c < cols; c++) {
        double written = file.rows()[r][c];
        double expected = dtype == DType.FLOAT32 ? (float) written : written;
        double actual = c < cols - 1 ? x[r * (cols - 1) + c] : y[r];
        String where = "row " + r + ", column " + c + ": wrote " + written + ", read " + actual;
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), where);
      }
    }
  }

  @Provide
  Arbitrary<DType> dtypes() {
    return Arbitraries.of(DType.class);
  }

  @Property(tries = 200)
  void editedFilesReadOrFailWithAOneLineError(@ForAll("validFiles") Written file, @ForAll("edits") List<Mutation> edits,
      @ForAll("dtypes") DType dtype, @ForAll("labels") String label) {
    check(Mutation.apply(file.bytes(), edits), dtype, label, null);
  }

  @Property(tries = 200)
  void randomBytesReadOrFailWithAOneLineError(@ForAll("randomBytes") byte[] bytes, @ForAll("dtypes") DType dtype) {
    check(bytes, dtype, null, null);
  }

  @Property(tries = 200)
  void randomTextReadsOrFailsWithAOneLineError(@ForAll("randomText") String text, @ForAll("dtypes") DType dtype,
      @ForAll("labels") String label) {
    check(text.getBytes(StandardCharsets.UTF_8), dtype, label, label == null ? null : List.of("a"));
  }

  @Provide
  Arbitrary<List<Mutation>> edits() {
    return Mutation.list(3, INTERESTING);
  }

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.of("a", "b", "y", "label", "").injectNull(0.8);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
  }

  @Provide
  Arbitrary<String> randomText() {
    Arbitrary<String> pieces = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("a", "b", "y", ",", "\"", "\n", "\r\n", " ", "1", "-2.5", "1e3", ".", "e", "NaN",
            "\uFEFF", "é", "𝑥", "\u0000", "\u2028")),
        Tuple.of(2, Arbitraries.strings().withChars("ab01,.-e\" \n").ofMinLength(1).ofMaxLength(6)),
        Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3)));
    return pieces.list().ofMaxSize(60).map(p -> String.join("", p));
  }

  /**
   * Reads {@code bytes} as a file: a consistent table, or a one-line error naming the file; counts
   * the outcomes by the shape of their message, for the report.
   */
  private static void check(byte[] bytes, DType dtype, String label, List<String> features) {
    Path path = dir.resolve("fuzz.csv");
    String outcome = assertTimeoutPreemptively(LIMIT, () -> {
      Files.write(path, bytes);
      CsvReader.Table t;
      try {
        t = CsvReader.read(path, label, features, dtype);
      } catch (DescentException e) {
        Messages.assertOneLine(e.getMessage(), 600);
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        return "error: " + Messages.shape(e.getMessage(), path.toString());
      }
      assertConsistent(t, dtype, label);
      return "read";
    }, () -> "reading took longer than " + LIMIT);
    Statistics.label("outcome").collect(outcome);
  }

  private static void assertConsistent(CsvReader.Table t, DType dtype, String label) {
    Tensor x = t.dataset().features();
    Tensor y = t.dataset().targets();
    assertTrue(x.rows() >= 1, "at least one row");
    assertEquals(x.rows(), y.rows());
    assertEquals(1, y.cols());
    assertEquals(t.featureNames().size(), x.cols());
    assertEquals(dtype, x.dtype());
    assertEquals(dtype, y.dtype());
    assertTrue(x.allFinite() && y.allFinite(), "finite values");
    assertEquals(t.featureNames().size(), new HashSet<>(t.featureNames()).size(), "distinct feature names");
    assertFalse(t.featureNames().contains(t.labelName()), "the label is not a feature");
    assertTrue(label == null || label.equals(t.labelName()));
    List<String> all = new ArrayList<>(t.featureNames());
    all.add(t.labelName());
    for (String name : all) {
      assertFalse(name.isBlank(), "blank column name");
      assertTrue(name.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\t'), name);
    }
  }
}
