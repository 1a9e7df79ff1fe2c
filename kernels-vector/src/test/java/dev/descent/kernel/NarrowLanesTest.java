package dev.descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.vector.VectorKernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code vector} kernel computes the ReLU gradient's step one way in 512-bit lanes and another in
 * 256-bit lanes ({@code DoubleDirect.fused}); the module's other tests run the width of the machine
 * they run on. This one runs the ReLU contracts in a child JVM held to AVX2, so that on an AVX-512
 * machine the 256-bit code is checked too, interpreted and compiled (x86 only: elsewhere the flag
 * does not exist).
 */
class NarrowLanesTest {

  @Test
  void theReluContractsHoldIn256BitLanes() throws IOException, InterruptedException {
    String arch = System.getProperty("os.arch");
    assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "-XX:UseAVX is an x86 flag; this is " + arch);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-XX:UseAVX=2", "--add-modules", VectorKernels.MODULE,
            "-cp", System.getProperty("java.class.path"), NarrowLanesProbe.class.getName(), "300")
        .redirectErrorStream(true)
        .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    List<String> lines = out.lines().toList();
    assertTrue(lines.contains("vector bits 256"), out);
    assertTrue(lines.contains("contracts hold"), out);
  }
}
