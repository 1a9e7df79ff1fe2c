package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files Descent writes, read by Python: safetensors by the {@code safetensors} package when it is
 * installed, else by NumPy with the header parsed by Python's json; npz by {@code numpy.load}.
 * The script (src/test/python/io_interop.py) prints every value exactly and the test compares
 * them bit for bit. Skipped when /usr/bin/python3 with NumPy is not there.
 */
class PythonInteropTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/io_interop.py");

  @TempDir Path dir;

  @BeforeAll
  static void needsPythonWithNumpy() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
    Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), "no " + SCRIPT + " (run from the core module)");
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "no numpy for " + PYTHON);
  }

  private static String run(String command, Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), command, file.toString()).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "io_interop.py did not finish");
    assertEquals(0, p.exitValue(), err);
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void pythonReadsOurSafetensorsBitForBit() throws Exception {
    float[] f32 = {1.5f, -0.0f, Float.intBitsToFloat(0x7fc00001), Float.POSITIVE_INFINITY, Float.MIN_VALUE,
        Float.MAX_VALUE, 0.1f, -3f};
    double[] f64 = {Math.PI, -Math.E, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY, 1e-310};
    Path file = dir.resolve("ours.safetensors");
    new SafeTensorsWriter()
        .metadata("note", "tab\t newline\n quote\" backslash\\ nul\u0000 \u00e4 \uD83D\uDE42")
        .add("dense.weight", f32, 2, 4)
        .add("layer.0/Gewichte_\u00e4 \"quoted\" \\ \t\n\u0001 \uD83D\uDE42", f64, 3, 1, 2)
        .add("steps", new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 4)
        .add("ids", new int[] {Integer.MIN_VALUE, 7, Integer.MAX_VALUE}, 3)
        .add("mask", new byte[] {0, 1, 127, (byte) 128, (byte) 255}, 5)
        .add("scalar", new double[] {42.5})
        .add("empty", new float[0], 0, 3)
        .writeTo(file);
    InteropRecords python = new InteropRecords(run("safetensors", file));
    System.out.println("PythonInteropTest: safetensors read by " + python.reader);
    try (SafeTensorsFile f = SafeTensorsFile.open(file)) {
      assertEquals(7, python.tensors.size(), python.names().toString());
      python.assertMatches(f);
      assertEquals(f.metadata().get("descent.checksum"), "crc32c:" + python.crc32c, "Python's CRC-32C");
    }
  }

  @Test
  void numpyLoadsOurNpzBitForBit() throws Exception {
    float[] w = {1.5f, -0.0f, Float.intBitsToFloat(0x7fc00001), Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 0.1f};
    double[] b = {Math.PI, -0.0, Double.MIN_VALUE, 1e300};
    Path file = dir.resolve("ours.npz");
    new NpzWriter().add("w", w, 2, 3).add("layer.0/Gewichte_\u00e4", b, 4).add("s", new double[] {2.5})
        .add("e", new float[0], 0, 2).writeTo(file);
    InteropRecords numpy = new InteropRecords(run("npz", file));
    assertEquals("numpy.load", numpy.reader);
    assertEquals(List.of("w", "layer.0/Gewichte_\u00e4", "s", "e"), numpy.names());
    Map<String, InteropRecords.TensorRecord> t = numpy.tensors;
    assertEquals("float32", t.get("w").dtype());
    assertEquals(List.of(2L, 3L), java.util.Arrays.stream(t.get("w").shape()).boxed().toList());
    InteropRecords.assertFloats(t.get("w"), w);
    assertEquals("float64", t.get("layer.0/Gewichte_\u00e4").dtype());
    InteropRecords.assertDoubles(t.get("layer.0/Gewichte_\u00e4"), b);
    assertEquals(0, t.get("s").shape().length);
    InteropRecords.assertDoubles(t.get("s"), new double[] {2.5});
    assertEquals(List.of(0L, 2L), java.util.Arrays.stream(t.get("e").shape()).boxed().toList());
  }
}
