package dev.descent.bench.sidebyside;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A short Descent-only run of the side-by-side: the report names what the figures depend on. */
class SideBySideReportTest {

  @Test
  void namesTheKernelAndTheJavaRuntime() throws Exception {
    String report = SideBySide.run(SideBySideOptions.parse(new String[] {
        "--descent-only", "--updates", "20", "--repeats", "1", "--warmup", "0", "--seconds", "0.01", "--batches", "1"}));
    String java = "on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    assertTrue(report.contains("Descent kernel "), report);
    assertTrue(report.contains(java), report);
    assertTrue(report.contains("2-10-5-1 exercise, best of 1 (s)"), report);
  }
}
