package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SideBySideOptionsTest {

  @Test
  void defaultsAreTheIssuesMeasurements() {
    SideBySideOptions o = SideBySideOptions.parse(new String[0]);
    assertArrayEquals(new int[] {1, 32, 128, 1024}, o.batches());
    assertEquals(15_000, o.updates());
    assertEquals(Path.of("/usr/bin/python3"), o.python());
    assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
    assertTrue(o.runPython());
  }

  @Test
  void readsEveryOption() {
    SideBySideOptions o = SideBySideOptions.parse(new String[] {"--batches", "32, 128", "--warmup", "0.5",
        "--seconds", "1", "--repeats", "2", "--updates", "100", "--threads", "1", "--python", "/opt/py",
        "--scripts", "s", "--descent-only"});
    assertArrayEquals(new int[] {32, 128}, o.batches());
    assertEquals(0.5, o.warmup());
    assertEquals(1, o.seconds());
    assertEquals(2, o.repeats());
    assertEquals(100, o.updates());
    assertEquals(1, o.threads());
    assertEquals(Path.of("/opt/py"), o.python());
    assertEquals(Path.of("s"), o.scripts());
    assertFalse(o.runPython());
  }

  @Test
  void badOptionsAreOneLineErrors() {
    assertEquals("option --batches must be a comma-separated list of divisors of 8192 (such as 1,32,128,1024), got '1,100'",
        message("--batches", "1,100"));
    assertEquals("option --seconds must be a number in [0.01, 600], got '0'", message("--seconds", "0"));
    assertEquals("option --repeats must be an integer in [1, 100], got 'three'", message("--repeats", "three"));
    assertEquals("option --threads needs a value", message("--threads"));
    assertTrue(message("--sconds", "3").startsWith("unknown option '--sconds'; options: --batches"));
  }

  private static String message(String... args) {
    return assertThrows(DescentException.class, () -> SideBySideOptions.parse(args)).getMessage();
  }
}
