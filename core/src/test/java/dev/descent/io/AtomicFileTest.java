package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic replacement: the old file survives every failure, and a killed writer never leaves a broken one. */
class AtomicFileTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesAndReplaces() throws IOException {
    Path target = dir.resolve("t.bin");
    AtomicFile.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
    assertEquals("first", Files.readString(target));
    AtomicFile.write(target, out -> {
      out.write("second".getBytes(StandardCharsets.UTF_8));
      out.close(); // a body may close the stream
    });
    assertEquals("second", Files.readString(target));
    assertEquals(List.of("t.bin"), names());
  }

  @Test
  void theOldFileStaysUntilTheRenameAndTheTemporaryIsBesideIt() throws IOException {
    Path target = dir.resolve("t.bin");
    Files.writeString(target, "old");
    AtomicFile.write(target, out -> {
      out.write("new".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertEquals("old", Files.readString(target));
      List<String> during = names();
      assertEquals(2, during.size());
      assertTrue(during.get(0).matches("\\.t\\.bin\\.[0-9a-f]{16}\\.tmp"), during.toString());
    });
    assertEquals("new", Files.readString(target));
  }

  @Test
  void anIoErrorInTheBodyLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = dir.resolve("t.bin");
    Files.writeString(target, "old");
    DescentException e = assertThrows(DescentException.class, () -> AtomicFile.write(target, out -> {
      out.write(new byte[100_000]);
      throw new IOException("No space left on device");
    }));
    assertEquals(target + ": cannot write: No space left on device", e.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("t.bin"), names());
  }

  @Test
  void aRuntimeExceptionInTheBodyPassesThroughUnchanged() throws IOException {
    Path target = dir.resolve("t.bin");
    DescentException thrown = new DescentException("cannot write NaN as JSON");
    DescentException e = assertThrows(DescentException.class, () -> AtomicFile.write(target, out -> {
      out.write(1);
      throw thrown;
    }));
    assertSame(thrown, e);
    assertEquals(List.of(), names());
  }

  @Test
  void badTargetsAreNamed() throws IOException {
    Path missing = dir.resolve("nowhere/t.bin");
    assertEquals(missing + ": cannot write: directory " + missing.getParent() + " does not exist",
        assertThrows(DescentException.class, () -> AtomicFile.write(missing, out -> { })).getMessage());
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertEquals(sub + ": cannot write: it is a directory",
        assertThrows(DescentException.class, () -> AtomicFile.write(sub, out -> { })).getMessage());
  }

  @Test
  void deletesOnlyItsOwnStaleTemporaries() throws IOException {
    Path target = dir.resolve("t.bin");
    Files.writeString(dir.resolve(".t.bin.0123456789abcdef.tmp"), "stale");
    Files.writeString(dir.resolve(".t.bin.fedcba9876543210.tmp"), "stale");
    Files.writeString(dir.resolve(".other.bin.0123456789abcdef.tmp"), "someone else's");
    Files.writeString(dir.resolve("t.bin.tmp"), "not ours");
    Files.writeString(dir.resolve(".t.bin.0123.tmp"), "not ours");
    assertEquals(2, AtomicFile.deleteStaleTemporaries(target));
    assertEquals(List.of(".other.bin.0123456789abcdef.tmp", ".t.bin.0123.tmp", "t.bin.tmp"), names());
  }

  /**
   * A child JVM rewrites a 4 MiB checkpoint in a loop; it is killed (SIGKILL) at random moments.
   * After every kill the checkpoint opens, passes its checksum, and holds one complete version.
   */
  @Test
  void killedWritersNeverLeaveABrokenFile() throws Exception {
    Path target = dir.resolve("checkpoint.safetensors");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SplittableRandom random = new SplittableRandom(20240611);
    int kills = 8;
    int killedMidWrite = 0;
    for (int run = 0; run < kills; run++) {
      long firstVersion = run * 1_000_000L;
      Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), CrashingCheckpointWriter.class.getName(), target.toString(),
          Long.toString(firstVersion)).redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, "the child wrote nothing");
        assertTrue(line.startsWith("wrote "), "the child failed: " + line);
        Thread.sleep(random.nextInt(0, 120));
      } finally {
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
      }
      long temporaries = names().stream().filter(n -> n.endsWith(".tmp")).count();
      if (temporaries > killedMidWrite) {
        killedMidWrite++;
      }
      try (SafeTensorsFile f = SafeTensorsFile.open(target)) {
        long version = Long.parseLong(f.metadata().get("version"));
        assertTrue(version >= firstVersion, "run " + run + " finished at least one write");
        assertArrayEquals(new long[] {version}, f.longs("version"));
        float[] weights = f.floats("weights");
        assertEquals(CrashingCheckpointWriter.ROWS * CrashingCheckpointWriter.COLS, weights.length);
        for (int i = 0; i < weights.length; i++) {
          if (weights[i] != CrashingCheckpointWriter.value(version, i)) {
            throw new AssertionError("run " + run + ": element " + i + " is not from version " + version);
          }
        }
      }
    }
    System.out.println("AtomicFileTest: " + kills + " kills, " + killedMidWrite + " of them between creating and "
        + "renaming a temporary file");
    // Stray temporary files do not disturb the next write, and can be removed.
    new SafeTensorsWriter().metadata("version", "-1").add("weights", new float[4], 2, 2).add("version", new long[] {-1}, 1)
        .writeTo(target);
    try (SafeTensorsFile f = SafeTensorsFile.open(target)) {
      assertEquals("-1", f.metadata().get("version"));
    }
    assertEquals(killedMidWrite, AtomicFile.deleteStaleTemporaries(target));
    assertEquals(List.of("checkpoint.safetensors"), names());
  }
}
