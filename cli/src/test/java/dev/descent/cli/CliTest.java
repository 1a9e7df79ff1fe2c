package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  private static void assertOneLineError(Run r, String... fragments) {
    assertEquals(Main.USER_ERROR, r.status(), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().startsWith("descent: error: "), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), () -> "expected '" + f + "' in: " + r.err());
    }
  }

  private Path csv(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private Path circlesCsv(String name, int n, long seed) throws IOException {
    var data = dev.descent.data.Datasets.circles(n, 0.05, 0.5, new java.util.SplittableRandom(seed),
        dev.descent.tensor.DType.FLOAT64);
    StringBuilder b = new StringBuilder("x1,x2,y\n");
    for (int r = 0; r < n; r++) {
      b.append(data.features().get(r, 0)).append(',').append(data.features().get(r, 1)).append(',')
          .append((int) data.targets().get(r)).append('\n');
    }
    return csv(name, b.toString());
  }

  @Test
  void listShowsProvidersOfEveryModuleWithTheirJarsAndTheKernels() {
    Run r = run("list");
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
    Run kernels = run("list", "kernels");
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
    Run r = run("train", train.toString(), "--test", test.toString(), "--hidden", "8", "--optimizer",
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
    var rows = InitializationExperiment.run(1, 15000);
    var zeros = rows.get(0);
    var he = rows.get(2);
    assertEquals("zeros", zeros.name());
    assertEquals(0.5, zeros.train().accuracy(), 0.0);
    assertEquals(0.5, zeros.test().accuracy(), 0.0);
    assertEquals(Math.log(2), zeros.train().loss(), 1e-12);
    assertEquals("he", he.name());
    assertTrue(he.train().accuracy() >= 0.97, "He train accuracy " + he.train().accuracy());
  }
}
