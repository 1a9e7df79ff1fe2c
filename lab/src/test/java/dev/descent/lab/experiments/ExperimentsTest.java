package dev.descent.lab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.init.Initializers;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.Experiments;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.Table;
import dev.descent.lab.testing.HalfNormalPlugin;
import dev.descent.lab.testing.SyntheticImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every experiment in its quick version, as the build runs it: it runs, its numbers make sense, its report is complete. */
class ExperimentsTest {
  @TempDir Path dir;

  private static ExperimentOptions quick(int seeds) {
    return ExperimentOptions.quickRun().withSeeds(seeds);
  }

  private static int row(Table t, String firstCell) {
    for (int r = 0; r < t.rows().size(); r++) {
      if (firstCell.equals(t.cell(r, 0)) || firstCell.equals(t.cell(r, 1))) {
        return r;
      }
    }
    throw new AssertionError(firstCell + " not in " + t.name());
  }

  @Test
  void theCatalogueHasTheSixExperimentsAndRejectsUnknownNames() {
    assertEquals(List.of("initialization", "initializers", "gd-variants", "vanishing", "landscape", "fashion-mnist"),
        Experiments.names());
    var e = assertThrows(DescentException.class, () -> Experiments.find("gd_variants"));
    assertTrue(e.getMessage().contains("did you mean 'gd-variants'"), e.getMessage());
  }

  @Test
  void initializationKeepsZerosAtChanceOverEverySeed() throws IOException {
    Report r = Experiments.find("initialization").run(new ExperimentOptions(2, 0, true, null, 400L,
        dev.descent.lab.progress.Progress.none()));
    Table t = r.table("summary");
    int zeros = row(t, "zeros");
    assertEquals(0.5, (double) t.cell(zeros, 4), 0.0, "train accuracy of zeros");
    assertEquals(0.0, (double) t.cell(zeros, 5), 0.0, "no spread: every seed is at chance");
    assertEquals(Math.log(2), (double) t.cell(zeros, 2), 1e-9);
    assertEquals(6, r.table("runs").rows().size(), "3 schemes × 2 seeds");
    ReportChecks.writeAndCheck(r, dir);
  }

  @Test
  void gdVariantsCountTheirUpdatesPerEpoch() throws IOException {
    Report r = new GdVariantsExperiment().run(quick(1));
    Table t = r.table("summary");
    int n = 200;
    int epochs = 8;
    assertEquals(1, t.cell(row(t, "batch"), 2));
    assertEquals(n, t.cell(row(t, "sgd"), 2));
    assertEquals(13, t.cell(row(t, "minibatch(size=16)"), 2), "⌈200/16⌉");
    assertEquals(n * epochs, t.cell(row(t, "sgd"), 3));
    double batchLoss = (double) t.cell(row(t, "batch"), 4);
    double sgdLoss = (double) t.cell(row(t, "sgd"), 4);
    assertTrue(sgdLoss < batchLoss, "after the same epochs, one-example steps are further along: " + sgdLoss + " vs " + batchLoss);
    ReportChecks.writeAndCheck(r, dir);
  }

  @Test
  void initializersRanksEveryRegisteredInitializerPluginsIncluded() throws IOException {
    Report r = new InitializersExperiment().run(quick(2));
    Table ranking = r.table("ranking");
    List<Object> names = ranking.rows().stream().map(row -> row.get(1)).toList();
    for (String name : Initializers.registry().names()) {
      assertTrue(names.contains(name), name + " is ranked");
    }
    int plugin = row(ranking, HalfNormalPlugin.NAME);
    assertTrue(String.valueOf(ranking.cell(plugin, 2)).contains("test-classes"), "the plugin's source: " + ranking.cell(plugin, 2));
    int wins = ranking.rows().stream().mapToInt(row -> (int) row.get(9)).sum();
    assertTrue(wins >= 2, "at least one winner per seed");
    ReportChecks.writeAndCheck(r, dir);
  }

  @Test
  void vanishingShowsTinySigmoidGradientsAndExplodingReluActivations() throws IOException {
    Report r = new VanishingExperiment().run(quick(1));
    Table t = r.table("summary");
    assertEquals(16, t.rows().size());
    int tinySigmoid = rowOf(t, "sigmoid", "random_normal(stddev=0.01)");
    assertTrue((double) t.cell(tinySigmoid, 6) < 1e-10, "layer 1 gets almost nothing of the output's gradient");
    assertTrue(String.valueOf(t.cell(tinySigmoid, 10)).startsWith("vanishing at layer 1"), String.valueOf(t.cell(tinySigmoid, 10)));
    int bigRelu = rowOf(t, "relu", "random_normal(stddev=1)");
    assertTrue((double) t.cell(bigRelu, 3) > 1e4 * (double) t.cell(bigRelu, 2), "activations grow layer by layer");
    assertTrue(String.valueOf(t.cell(bigRelu, 10)).startsWith("exploding"), String.valueOf(t.cell(bigRelu, 10)));
    int heRelu = rowOf(t, "relu", "he_normal");
    double ratio = (double) t.cell(heRelu, 3) / (double) t.cell(heRelu, 2);
    assertTrue(ratio > 0.1 && ratio < 10, "He keeps relu activations steady over 20 layers: " + ratio);
    assertEquals("", t.cell(heRelu, 10));
    ReportChecks.writeAndCheck(r, dir);
  }

  private static int rowOf(Table t, String activation, String init) {
    for (int r = 0; r < t.rows().size(); r++) {
      if (activation.equals(t.cell(r, 0)) && init.equals(t.cell(r, 1))) {
        return r;
      }
    }
    throw new AssertionError(activation + " + " + init);
  }

  @Test
  void landscapeClassifiesWhereEveryRunEnded() throws IOException {
    Report r = new LandscapeExperiment().run(quick(2));
    Table t = r.table("summary");
    assertEquals(LandscapeExperiment.SURFACES.size() * 6, t.rows().size());
    for (List<Object> row : t.rows()) {
      int total = 0;
      for (int c = 2; c <= 8; c++) {
        total += (int) row.get(c);
      }
      assertEquals(2, total, "each of the 2 starts has one outcome: " + row);
    }
    ReportChecks.writeAndCheck(r, dir);
  }

  @Test
  void fashionMnistRunsOnSmallIdxFilesWrittenHere() throws IOException {
    Path data = dir.resolve("idx");
    java.nio.file.Files.createDirectories(data);
    SyntheticImages.write(data, 500, 200, 1);
    Report r = new FashionMnistExperiment().run(quick(1).withDataDir(data));
    Table perEpoch = r.table("per-epoch");
    assertEquals(2, perEpoch.rows().size(), "two epochs in the quick version");
    double accuracy = FashionMnistExperiment.finalTestAccuracy(r);
    assertTrue(accuracy > 0.9, "the bands are easy to tell apart: " + accuracy);
    assertEquals(2, r.table("by-initializer").rows().size());
    assertTrue(Arrays.stream(r.table("by-initializer").numbers("test acc")).allMatch(a -> a >= 0 && a <= 1));
    ReportChecks.writeAndCheck(r, dir.resolve("report"));
  }

  @Test
  void fashionMnistNamesTheMissingFilesAndTheFix() {
    var e = assertThrows(DescentException.class,
        () -> new FashionMnistExperiment().run(quick(1).withDataDir(dir.resolve("absent"))));
    assertEquals(1, e.getMessage().lines().count());
    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"));
  }
}
