package dev.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.tensor.DType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link RowLayout}: where rows start and how far apart they are, worked out by hand from HotSpot's
 * array header (16 bytes with compressed class pointers, 24 without), and what a JVM reports of
 * itself, with and without {@code -XX:ObjectAlignmentInBytes=64}.
 */
class RowLayoutTest {

  @Test
  void rowsStartOnLinesWhenObjectsDo() {
    RowLayout layout = new RowLayout(64, 16);
    assertTrue(layout.aligned());
    // element 0 at byte 16 of a line-aligned array: the line after it starts 48 bytes on
    assertEquals(6, layout.offset(DType.FLOAT64));
    assertEquals(12, layout.offset(DType.FLOAT32));
    // 300 doubles are 37.5 lines, 300 floats 18.75: whole lines are 304 of either
    assertEquals(304, layout.stride(300, DType.FLOAT64));
    assertEquals(304, layout.stride(300, DType.FLOAT32));
    assertEquals(8, layout.stride(8, DType.FLOAT64));
    assertEquals(16, layout.stride(9, DType.FLOAT64));
    assertEquals(16, layout.stride(16, DType.FLOAT32));
    assertEquals(32, layout.stride(17, DType.FLOAT32));

    RowLayout withoutCompressedClassPointers = new RowLayout(256, 24);
    assertEquals(5, withoutCompressedClassPointers.offset(DType.FLOAT64));
    assertEquals(10, withoutCompressedClassPointers.offset(DType.FLOAT32));
  }

  @Test
  void rowsFollowEachOtherWhenObjectsAreNotOnLines() {
    for (RowLayout layout : List.of(RowLayout.CONTIGUOUS, new RowLayout(8, 16), new RowLayout(32, 16),
        new RowLayout(64, 20))) {
      assertFalse(layout.aligned(), layout.toString());
      for (DType dtype : DType.values()) {
        assertEquals(0, layout.offset(dtype), layout + " " + dtype);
        assertEquals(300, layout.stride(300, dtype), layout + " " + dtype);
      }
    }
  }

  @Test
  void thisJvmReportsItsObjectAlignment() throws IOException, InterruptedException {
    assertEquals(List.of("8 16 false"), probe(), "the default JVM");
    assertEquals(List.of("64 16 true"), probe("-XX:ObjectAlignmentInBytes=64"), "a JVM with objects on lines");
  }

  /** What {@link RowLayoutProbe} prints in a new JVM with this one's class path and {@code options}. */
  private static List<String> probe(String... options) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), RowLayoutProbe.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
    assertEquals(0, process.exitValue(), output);
    return output.lines().toList();
  }
}
