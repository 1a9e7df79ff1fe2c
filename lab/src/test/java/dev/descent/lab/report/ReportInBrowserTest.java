package dev.descent.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.experiments.InitializationExperiment;
import dev.descent.lab.progress.Progress;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a written report in headless Chromium and checks that every figure decoded: the page's
 * script records the number of loaded figures in {@code data-figures-loaded} once the page has
 * loaded, and the DOM Chromium dumps must show it equal to {@code data-figures-expected}. Skipped
 * when no Chromium is installed, unless the {@code CI} environment variable is set (CI installs
 * it), where a missing browser fails the test.
 */
class ReportInBrowserTest {
  @TempDir Path dir;

  static Path chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(p, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  @Test
  void everyFigureOfAReportShowsInAHeadlessBrowser() throws IOException, InterruptedException {
    Path browser = chromium();
    if (browser == null) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "no chromium on the PATH");
      throw new AssertionError("CI is set but no chromium is on the PATH: .ci/run installs it with apt-get");
    }
    Report report = new InitializationExperiment().run(new ExperimentOptions(1, 0, true, null, 200L, Progress.none()));
    ReportWriter.Written written = ReportWriter.write(report, dir.resolve("report"));
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", written.html().toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    Matcher expected = Pattern.compile("data-figures-expected=\"(\\d+)\"").matcher(dom);
    Matcher loaded = Pattern.compile("data-figures-loaded=\"(\\d+)\"").matcher(dom);
    assertTrue(expected.find(), "the page was rendered: " + dom.substring(0, Math.min(300, dom.length())));
    assertTrue(loaded.find(), "the page's script ran after loading");
    assertEquals(report.figures().size(), Integer.parseInt(expected.group(1)));
    assertEquals(report.figures().size(), Integer.parseInt(loaded.group(1)), "every figure decoded and showed");
  }
}
