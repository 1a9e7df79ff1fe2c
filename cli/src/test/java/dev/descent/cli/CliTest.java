package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.run(args);
  }

  private static void assertOneLineError(CliRun r, String... fragments) {
    r.assertOneLineError(fragments);
  }

  private Path csv(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private Path circlesCsv(String name, int n, long seed) throws IOException {
    return CliRun.circlesCsv(dir, name, n, seed);
  }

  @Test
  void listShowsProvidersOfEveryModuleWithTheirJarsAndTheKernels() {
    CliRun r = run("list");
    assertEquals(0, r.status(), r.err());
    for (String name : new String[] {"zeros", "random_normal", "he_normal", "kaiming_normal", "sgd", "relu",
        "binary_cross_entropy", "minibatch", "reference"}) {
      assertTrue(r.out().contains("  " + name), name + " missing from:\n" + r.out());
    }
    assertTrue(r.out().contains("initializers"), r.out());
    assertTrue(r.out().contains("optimizers"), r.out());
    assertTrue(r.out().contains("(selected)"), r.out());
    assertTrue(r.out().contains("stddev"), "parameters are listed:\n" + r.out());
  }

  @Test
  void listOfOneKindAndUnknownKind() {
    CliRun kernels = run("list", "kernels");
    assertEquals(0, kernels.status());
    assertTrue(kernels.out().contains("reference"));
    assertFalse(kernels.out().contains("kaiming_normal"));
    assertOneLineError(run("list", "initialisers"), "unknown kind 'initialisers'", "did you mean 'initializers'");
  }

  @Test
  void trainsOnACsvFileAndWritesTheHistory() throws IOException {
    Path train = circlesCsv("train.csv", 200, 1);
    Path test = circlesCsv("test.csv", 50, 2);
    Path history = dir.resolve("history.csv");
    CliRun r = run("train", train.toString(), "--test", test.toString(), "--hidden", "8", "--optimizer",
        "sgd(lr=0.1, momentum=0.9)", "--gd", "minibatch(size=16)", "--epochs", "60", "--init", "kaiming_normal",
        "--seed", "3", "--history", history.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("train loss"), r.out());
    assertTrue(r.out().contains("test  loss"), r.out());
    var lines = Files.readAllLines(history);
    assertEquals("epoch,updates,seconds,loss,accuracy,test_loss,test_accuracy", lines.get(0));
    assertEquals(61, lines.size());
    assertTrue(lines.get(60).startsWith("60,780,"), lines.get(60));
  }

  @Test
  void badInputGivesOneLineErrors() throws IOException {
    Path good = csv("good.csv", "a,b,label\n1,2,0\n3,4,1\n");
    assertOneLineError(run("train", csv("ragged.csv", "a,b,label\n1,2,0\n3,4\n").toString()), "ragged.csv:3", "2 fields");
    assertOneLineError(run("train", csv("text.csv", "a,b,label\n1,x,0\n").toString()), "text.csv:2:2", "'b'", "'x'");
    assertOneLineError(run("train", good.toString(), "--label", "y"), "no column 'y'", "a, b, label");
    assertOneLineError(run("train", good.toString(), "--optimizer", "adamm"), "unknown optimizer 'adamm'");
    assertOneLineError(run("train", good.toString(), "--optimizer", "sgd(lr=0.1, momentun=0.9)"),
        "unknown parameter 'momentun'", "did you mean 'momentum'");
    assertOneLineError(run("train", good.toString(), "--init", "random_normal(stddev=abc)"), "'stddev'", "a number");
    assertOneLineError(run("train", good.toString(), "--gd", "minibatch(size=0)"), "size");
    assertOneLineError(run("train", good.toString(), "--test", csv("other.csv", "a,c,label\n1,2,0\n").toString()),
        "no column 'b'");
    assertOneLineError(run("train", dir.resolve("missing.csv").toString()), "missing.csv", "no such file");
    assertOneLineError(run("train", good.toString(), "--epochs", "x"), "--epochs");
    assertOneLineError(run("experiment", "initialisation"), "unknown experiment", "initialization");
  }

  @Test
  void initializationExperimentShowsZerosAtChanceAndHeFittingTheCircles() {
    var rows = dev.descent.lab.experiments.InitializationExperiment.runSeed(0, 15000, dev.descent.lab.progress.Progress.none());
    var zeros = rows.get(0);
    var he = rows.get(2);
    assertEquals("zeros", zeros.name());
    assertEquals(0.5, zeros.train().accuracy(), 0.0);
    assertEquals(0.5, zeros.test().accuracy(), 0.0);
    assertEquals(Math.log(2), zeros.train().loss(), 1e-12);
    assertEquals("he", he.name());
    assertTrue(he.train().accuracy() >= 0.97, "He train accuracy " + he.train().accuracy());
  }

  @Test
  void experimentCommandPrintsTheTableAndWritesTheReport() throws IOException {
    Path out = dir.resolve("report");
    CliRun r = run("experiment", "initialization", "--quick", "--seeds", "2", "--updates", "300", "--out", out.toString(),
        "--progress", "none");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("random x10"), r.out());
    assertTrue(r.out().contains("report: " + out.resolve("report.html")), r.out());
    assertTrue(Files.size(out.resolve("report.html")) > 10_000);
    assertTrue(Files.exists(out.resolve("figures/cost.svg")));
    assertTrue(Files.exists(out.resolve("figures/cost.png")));
    assertTrue(Files.readString(out.resolve("data/summary.csv")).startsWith("init,spec,final cost"));
    assertTrue(Files.readString(out.resolve("results.json")).contains("\"experiment\": \"initialization\""));
  }

  @Test
  void experimentErrorsAreOneLineAndSayWhatToDo() throws IOException {
    assertOneLineError(run("experiment", "initialisation"), "unknown experiment 'initialisation'",
        "did you mean 'initialization'", "known experiments:");
    assertOneLineError(run("experiment", "fashion-mnist", "--quick", "--data-dir", dir.resolve("nowhere").toString()),
        "nowhere: no such directory", "apt-get install dataset-fashion-mnist", "--data-dir");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertOneLineError(run("experiment", "fashion-mnist", "--quick", "--data-dir", empty.toString()),
        "no train-images-idx3-ubyte", "apt-get install dataset-fashion-mnist");
    Path corrupt = Files.createDirectory(dir.resolve("corrupt"));
    for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte"}) {
      Files.writeString(corrupt.resolve(f), "<html>not found</html>");
    }
    assertOneLineError(run("experiment", "fashion-mnist", "--quick", "--data-dir", corrupt.toString()),
        "train-images-idx3-ubyte: not a valid IDX file", "download or install it again");
    assertOneLineError(run("experiment", "initialization", "--seeds", "0"), "--seeds must be ≥ 1");
    assertOneLineError(run("experiment", "initialization", "--progress", "fancy"), "--progress must be one of");
  }

  @Test
  void trainWithDiagnosticsPrintsPerLayerTablesAndWarnsNamingTheLayer() throws IOException {
    Path train = circlesCsv("train.csv", 100, 1);
    Path csv = dir.resolve("diagnostics.csv");
    CliRun healthy = run("train", train.toString(), "--hidden", "8,8", "--init", "he_normal", "--epochs", "3", "--diagnostics-csv",
        csv.toString(), "--progress", "none");
    assertEquals(0, healthy.status(), healthy.err());
    assertTrue(healthy.out().contains("diagnostics per layer"), healthy.out());
    assertTrue(healthy.out().contains("1 dense 8 → relu"), healthy.out());
    assertTrue(healthy.out().contains("0 warnings"), healthy.out());
    assertEquals("", healthy.err());
    assertEquals(1 + 4 * 3, Files.readAllLines(csv).size(), "header + (initialization + 3 epochs) × 3 layers");

    CliRun zeros = run("train", train.toString(), "--hidden", "8,8", "--init", "zeros", "--epochs", "2", "--diagnostics",
        "--progress", "none");
    assertEquals(0, zeros.status(), zeros.err());
    assertTrue(zeros.err().contains("descent: warning: gradients vanish at initialization at layer 1 (dense 8 → relu)"),
        zeros.err());
  }

  @Test
  void gradcheckPassesOnABuiltModelAndFailsAboveTheThreshold() throws IOException {
    Path train = circlesCsv("train.csv", 40, 1);
    CliRun pass = run("gradcheck", train.toString(), "--hidden", "5,3", "--activation", "tanh", "--l2", "0.01", "--examples", "8");
    assertEquals(0, pass.status(), pass.out() + pass.err());
    assertTrue(pass.out().contains("PASS: relative error"), pass.out());
    assertTrue(pass.out().contains("0.weight"), pass.out());
    CliRun fail = run("gradcheck", train.toString(), "--hidden", "5", "--threshold", "1e-300");
    assertEquals(GradcheckCommand.FAILED, fail.status(), fail.out());
    assertTrue(fail.out().contains("FAIL: relative error"), fail.out());
    assertOneLineError(run("gradcheck", train.toString(), "--examples", "0"), "--examples must be ≥ 1");
  }
}
