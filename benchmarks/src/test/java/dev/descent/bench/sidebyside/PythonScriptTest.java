package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner, with {@code /bin/sh} standing in for Python so the test needs no Python. */
class PythonScriptTest {
  private static final Path SH = Path.of("/bin/sh");

  @TempDir
  Path dir;

  @Test
  void readsTheJsonLinesAndPassesArgumentsAndThePassiveWaitPolicy() throws IOException {
    assumeTrue(Files.isExecutable(SH));
    Path script = script("echo 'starting'\n"
        + "echo \"{\\\"measure\\\": \\\"mlp\\\", \\\"batch\\\": $1, \\\"policy\\\": \\\"$OMP_WAIT_POLICY\\\"}\"\n"
        + "echo '{\"measure\": \"mlp\", \"batch\": 64, \"samples_per_second\": 1.5}'\n");
    PythonScript.Outcome out = PythonScript.run(SH, script, List.of("32"));
    assertTrue(out.ok(), out.failure());
    assertEquals(2, out.results().size());
    assertEquals("PASSIVE", out.find("batch", 32).get("policy").getAsString());
    assertEquals(1.5, out.find("batch", 64).get("samples_per_second").getAsDouble());
    assertNull(out.find("batch", 1));
  }

  @Test
  void aMissingModuleGivesTheScriptsOwnAdvice() throws IOException {
    assumeTrue(Files.isExecutable(SH));
    Path script = script("echo 'PyTorch is not installed: apt-get install python3-torch' >&2\nexit 3\n");
    PythonScript.Outcome out = PythonScript.run(SH, script, List.of());
    assertFalse(out.ok());
    assertEquals("PyTorch is not installed: apt-get install python3-torch", out.failure());
  }

  @Test
  void otherFailuresNameTheScriptAndStatus() throws IOException {
    assumeTrue(Files.isExecutable(SH));
    PythonScript.Outcome out = PythonScript.run(SH, script("echo 'boom' >&2\nexit 1\n"), List.of());
    assertEquals("s.sh failed with status 1: boom", out.failure());
  }

  @Test
  void aMissingInterpreterSaysWhatToInstall() {
    PythonScript.Outcome out = PythonScript.run(dir.resolve("no-python"), dir.resolve("x.py"), List.of());
    assertEquals("no Python at " + dir.resolve("no-python")
        + " (Debian: apt-get install python3 python3-numpy python3-torch libopenblas0)", out.failure());
  }

  private Path script(String body) throws IOException {
    Path s = dir.resolve("s.sh");
    Files.writeString(s, body);
    return s;
  }
}
