package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the report says of the Python sides' BLAS, with {@code /bin/sh} standing in for Python. */
class BlasInUseTest {
  private static final Path SH = Path.of("/bin/sh");
  private static final String OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";
  private static final String REFERENCE = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0";

  @TempDir
  Path dir;

  @Test
  void namesEachSidesLibrariesAndWarnsOfNothingOnOpenBlas() throws IOException {
    BlasInUse blas = new BlasInUse();
    blas.record("NumPy", reported(OPENBLAS, false));
    blas.record("PyTorch", reported(OPENBLAS, false));
    assertEquals(List.of("BLAS under NumPy: " + OPENBLAS, "BLAS under PyTorch: " + OPENBLAS), blas.lines());
    assertNull(blas.warning());
  }

  @Test
  void warnsWhenASideRanOnTheReferenceBlas() throws IOException {
    BlasInUse blas = new BlasInUse();
    blas.record("NumPy", reported(REFERENCE, true));
    blas.record("PyTorch", reported(REFERENCE, true));
    blas.record("PyTorch", reported(OPENBLAS, false));
    String warning = blas.warning();
    assertTrue(warning.startsWith("WARNING: NumPy and PyTorch ran on the reference BLAS"), warning);
    assertTrue(warning.contains("apt-get install libopenblas0"), warning);
    assertEquals("BLAS under PyTorch: " + REFERENCE, blas.lines().get(1), "the first report of a side counts");
  }

  @Test
  void aSideThatReportedNothingIsLeftOut() throws IOException {
    BlasInUse blas = new BlasInUse();
    blas.record("NumPy", PythonScript.run(SH, script("echo '{\"measure\": \"exercise\", \"seconds\": 1}'\n"), List.of()));
    assertEquals(List.of(), blas.lines());
    assertNull(blas.warning());
  }

  private PythonScript.Outcome reported(String library, boolean reference) throws IOException {
    assumeTrue(Files.isExecutable(SH));
    PythonScript.Outcome out = PythonScript.run(SH, script("echo '{\"measure\": \"blas\", \"libraries\": [\"" + library
        + "\"], \"reference\": " + reference + "}'\n"), List.of());
    assertTrue(out.ok(), out.failure());
    return out;
  }

  private Path script(String body) throws IOException {
    Path s = dir.resolve("s.sh");
    Files.writeString(s, body);
    return s;
  }
}
