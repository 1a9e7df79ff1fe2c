package dev.descent.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Once warmed up, products allocate nothing: not on the direct path, not on the packed path (whose
 * buffers are per thread and reused), not on the dot-product path, in any transpose and either
 * precision, and not when split between threads; nor do products with their ReLU step fused, nor
 * weight gradients with their bias gradient summed in the same pass, nor the elementwise functions.
 * Each scenario runs in a child JVM of its own ({@link AllocationProbe},
 * which says why), measured with HotSpot's per-thread allocation counter after enough calls for C2
 * to compile the Vector API code (before that, vector operations run as allocating Java code): some
 * window of calls after the warm-up must allocate nothing, which a per-call buffer or a boxed vector
 * in a loop would never do. A scenario gets up to {@value #JVMS} fresh JVMs: now and then a JVM
 * allocates where the next does not, with no code change between, in Vector API fallback frames:
 * code of the scenario's rarely called paths that C2 has not compiled with its intrinsics (on the
 * development machine 1 to 3 JVMs in 10 for the single-thread products, 62 MB per window). A
 * training run does not show it (the batch-1 and batch-32 MLP steps allocated nothing per 1,000
 * steps in three JVMs); a defect of ours allocates in every one, or in a steady share of them: a
 * helper that returned a vector, inlined into {@code DoubleDirect.multiply} with the blocks that
 * called it until C2's node budget ran out and then left as a call, boxed its vector in 5 JVMs of 20
 * (11.6 MB per window of the single-thread products), and once in all 4 of a run; without it, none
 * of 76 did (36 of them with products one and two deep added to the scenario).
 * The warm-up is long for the same reason: after 150 rounds, 1 JVM in 5 still ran the split
 * scenario's remainder rows in the fallback (31 KB per window), after 1,000 none of 10; the weight
 * gradients take 50,000 (see {@link AllocationProbe#weightGradients}). Skipped on
 * JVMs without the counter.
 */
class AllocationTest {

  /** Fresh JVMs a scenario may take to show a window that allocates nothing. */
  private static final int JVMS = 4;

  @ParameterizedTest
  @ValueSource(strings = {"products", "splitProducts", "fusedProducts", "weightGradients", "elementwise"})
  void steadyStateAllocatesNothing(String scenario) throws IOException, InterruptedException {
    StringBuilder runs = new StringBuilder();
    for (int run = 0; run < JVMS; run++) {
      String last = probe(scenario);
      assumeFalse(last.startsWith("skipped "), last);
      if (last.equals("allocated 0")) {
        return;
      }
      runs.append("\n").append(last);
    }
    fail(scenario + ": bytes allocated by the least window after warming up, in each of " + JVMS + " JVMs:" + runs);
  }

  /** The last line {@link AllocationProbe} prints for {@code scenario} in a fresh JVM. */
  private static String probe(String scenario) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "--add-modules", VectorKernels.MODULE,
            "-cp", System.getProperty("java.class.path"), AllocationProbe.class.getName(), scenario)
        .redirectErrorStream(true)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    assertEquals(0, process.exitValue(), out);
    return out.strip().lines().reduce((a, b) -> b).orElse("");
  }
}
