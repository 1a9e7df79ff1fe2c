package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of the {@code descent} command in this JVM, with what it printed, and the helpers the
 * command-line tests share.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int status, String out, String err) {

  /** Runs {@code descent args…}. */
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Checks the run failed as a user error with one line on standard error holding every fragment. */
  void assertOneLineError(String... fragments) {
    assertEquals(Main.USER_ERROR, status, err);
    assertEquals(1, err.strip().lines().count(), "one line: " + err);
    assertTrue(err.startsWith("descent: error: "), err);
    assertFalse(err.contains("Exception"), err);
    for (String f : fragments) {
      assertTrue(err.contains(f), () -> "expected '" + f + "' in: " + err);
    }
  }

  /** Writes {@code n} points of two concentric circles as {@code x1,x2,y} to {@code dir/name}. */
  static Path circlesCsv(Path dir, String name, int n, long seed) throws IOException {
    var data = dev.descent.data.Datasets.circles(n, 0.05, 0.5, new java.util.SplittableRandom(seed),
        dev.descent.tensor.DType.FLOAT64);
    StringBuilder b = new StringBuilder("x1,x2,y\n");
    for (int r = 0; r < n; r++) {
      b.append(data.features().get(r, 0)).append(',').append(data.features().get(r, 1)).append(',')
          .append((int) data.targets().get(r)).append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, b.toString());
    return file;
  }
}
