package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a JVM started without {@code --add-modules jdk.incubator.vector} (a child JVM with this test's
 * class path), the service loader still instantiates {@link VectorKernels}, which reports itself
 * unavailable without loading any Vector API class: nothing is printed on standard error (no
 * incubator warning, no linkage error), the {@code blocked} kernel is selected, and calling the
 * vector kernel anyway is a one-line {@link dev.descent.DescentException} naming the flag.
 */
class PlainJvmTest {

  @Test
  void withoutTheModuleTheKernelIsUnavailableAndSilent() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(
            java.toString(), "-cp", System.getProperty("java.class.path"), PlainJvmProbe.class.getName())
        .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("", err, "standard error of the child JVM");
    assertEquals(0, process.exitValue(), out);
    List<String> lines = out.lines().toList();
    assertTrue(lines.contains("vector false"), out);
    assertTrue(lines.contains("blocked true"), out);
    assertTrue(lines.contains("selected blocked"), out);
    assertTrue(
        lines.contains("gemm: kernel 'vector' needs the module jdk.incubator.vector: run java with "
            + "--add-modules jdk.incubator.vector"),
        out);
  }
}
