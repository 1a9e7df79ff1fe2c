package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.kernel.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code vector} kernel's elementwise functions beyond the contract ({@code
 * VectorElementwiseContractTest} runs core's {@code ElementwiseContractTest} here): they are the
 * selected kernel's, and binary cross-entropy from logits gives the definition's bits both in the
 * Vector API's Java fallback (a child JVM run with {@code -Xint}) and once C2 has compiled the loops
 * (a child JVM that calls it 20,000 times first), the stages whose rounding differed when exp was
 * the Vector API's.
 */
class VectorElementwiseTest {
  private static final VectorElementwise MATH = VectorElementwise.INSTANCE;

  @Test
  void isTheSelectedKernelsElementwiseFunctions() {
    assumeTrue(System.getProperty(Kernels.PROPERTY) == null, "a kernel is forced with -D" + Kernels.PROPERTY);
    assertSame(MATH, new VectorKernels().elementwise());
    assertSame(MATH, Kernels.elementwise());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-Xint 1", "-XX:-TieredCompilation 20000"})
  void crossEntropyGivesTheDefinitionsBitsInterpretedAndCompiled(String stage) throws IOException, InterruptedException {
    String[] flagAndRounds = stage.split(" ");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), flagAndRounds[0], "--add-modules", VectorKernels.MODULE,
            "-cp", System.getProperty("java.class.path"), ElementwiseStagesProbe.class.getName(), flagAndRounds[1])
        .redirectErrorStream(true)
        .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.lines().anyMatch("differing 0"::equals), out);
  }
}
