package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.io.SafeTensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --save/--checkpoint-every/--resume/--on-nan} and {@code export --npz}. */
class PersistenceCommandTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.run(args);
  }

  private Path circles(String name, int n, long seed) throws IOException {
    return CliRun.circlesCsv(dir, name, n, seed);
  }

  private static void assertSameTensors(Path a, Path b) {
    try (SafeTensorsFile x = SafeTensorsFile.open(a); SafeTensorsFile y = SafeTensorsFile.open(b)) {
      assertEquals(List.copyOf(x.names()), List.copyOf(y.names()));
      for (String name : x.names()) {
        assertArrayEquals(x.floats(name), y.floats(name), name);
      }
    }
  }

  private static void assertOneLineError(CliRun r, String... fragments) {
    r.assertOneLineError(fragments);
  }

  static final String[] RUN = {"--hidden", "8,4", "--optimizer", "adam(lr=0.01)", "--gd", "minibatch(size=16)",
      "--schedule", "step(step_size=2, gamma=0.5)", "--clip", "norm(max_norm=1)", "--progress", "none", "--seed", "3"};

  private static String[] args(String[] fixed, String... more) {
    String[] all = new String[fixed.length + more.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(fixed, 0, all, more.length, fixed.length);
    return all;
  }

  @Test
  void aResumedRunSavesTheSameModelAsTheUninterruptedOne() throws IOException {
    Path data = circles("train.csv", 100, 1);
    Path whole = dir.resolve("whole.safetensors");
    Path checkpoint = dir.resolve("run.checkpoint.safetensors");
    CliRun first = run(args(RUN, "train", data.toString(), "--updates", "50", "--checkpoint-every", "23", "--checkpoint",
        checkpoint.toString(), "--save", whole.toString(), "--history", dir.resolve("whole.csv").toString()));
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().contains("last checkpoint: " + checkpoint + " (after update 46)"), first.out());

    Path resumed = dir.resolve("resumed.safetensors");
    CliRun second = run("train", data.toString(), "--resume", checkpoint.toString(), "--save", resumed.toString(),
        "--progress", "none", "--history", dir.resolve("resumed.csv").toString());
    assertEquals(0, second.status(), second.err());
    assertTrue(second.out().contains("resumed from " + checkpoint + " after update 46"), second.out());
    assertSameTensors(whole, resumed);
    assertEquals(withoutSeconds(dir.resolve("whole.csv")), withoutSeconds(dir.resolve("resumed.csv")));
  }

  private static List<String> withoutSeconds(Path history) throws IOException {
    return Files.readAllLines(history).stream().map(l -> l.replaceFirst("^([^,]*,[^,]*),[^,]*", "$1")).toList();
  }

  @Test
  void resumingRefusesOtherDataAndFixedFlags() throws IOException {
    Path data = circles("train.csv", 60, 1);
    Path checkpoint = dir.resolve("c.safetensors");
    assertEquals(0, run(args(RUN, "train", data.toString(), "--updates", "5", "--checkpoint-every", "4",
        "--checkpoint", checkpoint.toString())).status());
    assertOneLineError(run("train", circles("other.csv", 60, 2).toString(), "--resume", checkpoint.toString()),
        "other.csv is not the data the checkpoint was trained on");
    assertOneLineError(run("train", data.toString(), "--resume", checkpoint.toString(), "--optimizer", "sgd"),
        "--optimizer cannot be given with --resume");
    assertOneLineError(run("train", data.toString(), "--resume", dir.resolve("missing.safetensors").toString()),
        "missing.safetensors");
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, run(args(RUN, "train", data.toString(), "--updates", "2", "--save", model.toString())).status());
    assertOneLineError(run("train", data.toString(), "--resume", model.toString()), "not a Descent checkpoint",
        "it holds a \"model\"");
  }

  @Test
  void exportWritesTheWeightsForNumpy() throws IOException {
    Path data = circles("train.csv", 40, 1);
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, run(args(RUN, "train", data.toString(), "--updates", "3", "--save", model.toString())).status());
    Path npz = dir.resolve("m.npz");
    CliRun export = run("export", model.toString(), "--npz", npz.toString());
    assertEquals(0, export.status(), export.err());
    assertTrue(export.out().startsWith("wrote 6 arrays"), export.out());
    assertTrue(Files.size(npz) > 0);
    try (var zip = new java.util.zip.ZipFile(npz.toFile())) {
      assertEquals(List.of("0.weight.npy", "0.bias.npy", "2.weight.npy", "2.bias.npy", "4.weight.npy", "4.bias.npy"),
          zip.stream().map(java.util.zip.ZipEntry::getName).toList());
    }
    assertOneLineError(run("export", data.toString(), "--npz", npz.toString()), "train.csv");
  }

  @Test
  void onNanSkipOrStop() throws IOException {
    Path data = circles("train.csv", 40, 1);
    CliRun stop = run("train", data.toString(), "--updates", "20", "--optimizer", "sgd(lr=1e300)", "--progress", "none");
    assertOneLineError(stop, "training diverged at update");
    assertOneLineError(run("train", data.toString(), "--on-nan", "ignore"), "unknown non-finite policy 'ignore'",
        "stop, skip");
  }
}
