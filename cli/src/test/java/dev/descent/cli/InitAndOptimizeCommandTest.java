package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitAndOptimizeCommandTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(status), out.toString(), err.toString()};
  }

  @Test
  void initPrintsSampleBesideFormulaAndWritesANpyFileNumpyReads() throws Exception {
    Path npy = dir.resolve("w.npy");
    Path png = dir.resolve("h.png");
    String[] r = run("init", "kaiming_normal", "--fan-in", "200", "--fan-out", "50", "--dtype", "float64",
        "--out", npy.toString(), "--plot", png.toString());
    assertEquals("0", r[0], r[2]);
    // kaiming_normal: std = sqrt(2 / fan_in) = 0.1 (PyTorch torch.nn.init.kaiming_normal_)
    assertTrue(r[1].contains("0.10000000"), r[1]);
    byte[] bytes = Files.readAllBytes(npy);
    assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, java.util.Arrays.copyOf(bytes, 8));
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64, "data is 64-byte aligned");
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (200, 50), }"), header);
    assertTrue(header.endsWith("\n"));
    assertEquals(10 + headerLength + 200 * 50 * 8, bytes.length);
    double sum = 0;
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 200 * 50 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 200 * 50; i++) {
      double v = data.getDouble();
      sum += v * v;
    }
    assertEquals(0.1, Math.sqrt(sum / 10000), 0.005);
    assertTrue(Files.size(png) > 1000);
  }

  @Test
  void initRejectsBadInputInOneLine() {
    String[] r = run("init", "random_normal(stddev=-1)", "--fan-in", "3", "--fan-out", "3");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("stddev"), r[2]);
    assertEquals(1, r[2].strip().lines().count());
    assertEquals("2", run("init", "he_normal", "--fan-in", "0", "--fan-out", "3")[0]);
  }

  @Test
  void optimizeWritesTheTraceWithOneRowPerStepAndMomentumEscapesWhatPlainDescentDoesNot() throws Exception {
    Path trace = dir.resolve("trace.csv");
    String[] r = run("optimize", "--function", "rosenbrock", "--start", "-1.5,2", "--optimizer", "sgd(lr=0.001)",
        "--optimizer", "sgd(lr=0.001, momentum=0.9)", "--steps", "2000", "--trace", trace.toString(),
        "--plot", dir.resolve("p.png").toString());
    assertEquals("0", r[0], r[2]);
    List<String> lines = Files.readAllLines(trace);
    assertEquals("optimizer,step,x,y,loss", lines.get(0));
    assertEquals(1 + 2 * 2001, lines.size());
    assertEquals("\"sgd(lr=0.001)\",0,-1.5,2.0,12.5", lines.get(1));
    String[] plainEnd = lines.get(2001).split(",(?=[^)]*$)|,(?=-?\\d)");
    String[] momentumEnd = lines.get(lines.size() - 1).split(",");
    double plain = Double.parseDouble(plainEnd[plainEnd.length - 1]);
    double momentum = Double.parseDouble(momentumEnd[momentumEnd.length - 1]);
    assertTrue(momentum < 1e-4 && plain > 1e-2, "plain " + plain + ", momentum " + momentum);
  }

  @Test
  void optimizeRejectsUnknownSurfacesAndBadStarts() {
    String[] r = run("optimize", "--function", "rosenbrok", "--optimizer", "sgd(lr=0.01)");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("did you mean 'rosenbrock'"), r[2]);
    assertEquals("2", run("optimize", "--function", "beale", "--start", "1", "--optimizer", "sgd(lr=0.01)")[0]);
  }
}
