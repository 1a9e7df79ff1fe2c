package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.kernel.MatrixKernels;
import dev.descent.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTurnsTest {

  @Test
  void parsesEveryOptionOnTopOfTheDefaults() {
    assertEquals(KernelTurns.Options.defaults(), KernelTurns.Options.parse(new String[0]));
    KernelTurns.Options o = KernelTurns.Options.parse(new String[] {
      "--kernels", "blocked, reference", "--size", "256", "--dtype", "float32", "--warmup", "0", "--rounds", "5",
      "--products", "2"});
    assertEquals(new KernelTurns.Options(List.of("blocked", "reference"), 256, DType.FLOAT32, 0, 5, 2), o);
  }

  @Test
  void badOptionsAreOneLineErrorsThatSayWhatIsAllowed() {
    String unknown = assertThrows(DescentException.class,
        () -> KernelTurns.Options.parse(new String[] {"--threads", "2"})).getMessage();
    assertTrue(unknown.startsWith("unknown option '--threads'; options: --kernels"), unknown);
    assertEquals("option --size must be an integer in [1, 8192], got '0'", assertThrows(DescentException.class,
        () -> KernelTurns.Options.parse(new String[] {"--size", "0"})).getMessage());
    assertEquals("option --rounds needs a value", assertThrows(DescentException.class,
        () -> KernelTurns.Options.parse(new String[] {"--rounds"})).getMessage());
    assertTrue(assertThrows(DescentException.class,
        () -> KernelTurns.Options.parse(new String[] {"--kernels", " , "})).getMessage().contains("at least one kernel"));
    String kernel = assertThrows(DescentException.class, () -> KernelTurns.resolve(List.of("blocked", "fast")))
        .getMessage();
    assertTrue(kernel.contains("unknown kernel 'fast'") && kernel.contains("reference"), kernel);
  }

  @Test
  void timesEveryKernelInEveryRoundAndComparesTheMedians() {
    KernelTurns.Options o = new KernelTurns.Options(List.of("reference", "blocked"), 48, DType.FLOAT64, 1, 3, 1);
    List<MatrixKernels> kernels = KernelTurns.resolve(o.kernels());
    double[][] gflops = KernelTurns.measure(kernels, o);
    assertEquals(2, gflops.length);
    for (double[] rounds : gflops) {
      assertEquals(3, rounds.length);
      for (double g : rounds) {
        assertTrue(g > 0 && Double.isFinite(g), "GFLOP/s " + g);
      }
    }
    String report = KernelTurns.report(kernels, o, gflops);
    assertTrue(report.startsWith("C <- A·B, n = 48, float64, 1 products per kernel per round"), report);
    assertTrue(report.contains("(1.00 of reference)"), report);
    assertEquals(String.format("%.2f", KernelTurns.median(gflops[1]) / KernelTurns.median(gflops[0])),
        report.lines().filter(l -> l.startsWith("median blocked")).findFirst().orElseThrow()
            .replaceAll(".*\\((\\S+) of reference\\)", "$1"));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.0, KernelTurns.median(new double[] {3, 1, 2}));
    assertEquals(2.5, KernelTurns.median(new double[] {4, 1, 2, 3}));
  }
}
