package dev.descent.cli;

import dev.descent.lab.Experiment;
import dev.descent.lab.ExperimentOptions;
import dev.descent.lab.Experiments;
import dev.descent.lab.progress.Progress;
import dev.descent.lab.report.Report;
import dev.descent.lab.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent experiment NAME}: runs one of the laboratory's experiments over seeds, prints its
 * headline table and writes its report (PNG and SVG figures, CSV and JSON of every number, one
 * self-contained HTML page) into a directory.
 */
@Command(name = "experiment", description = {
    "Run one of the laboratory's experiments and write its report (figures, CSV, JSON, HTML).",
    "Experiments: initialization, initializers, gd-variants, vanishing, landscape, fashion-mnist."})
final class ExperimentCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The experiment: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Names.class)
  String name;

  @Option(names = "--seeds", paramLabel = "K", description = "Repetitions, each with its own seed (default: the experiment's).")
  Integer seeds;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "The first seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: descent-reports/NAME).")
  Path out;

  @Option(names = "--quick", description = "A small version that finishes in seconds (fewer examples, epochs and seeds).")
  boolean quick;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the Fashion-MNIST IDX files are (default: /usr/share/datasets/fashion-mnist).")
  Path dataDir;

  @Option(names = "--updates", paramLabel = "N", description = "Updates per run, for 'initialization' (default: 15000).")
  Long updates;

  @Option(names = "--progress", paramLabel = "auto|bar|log|none", defaultValue = "auto",
      description = "Progress output on standard error (default: ${DEFAULT-VALUE}: a bar on a terminal, log lines otherwise).")
  String progress;

  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Experiments.names().iterator();
    }
  }

  @Override
  public void run() {
    Experiment experiment = Experiments.find(name);
    if (seeds != null && seeds < 1) {
      throw new dev.descent.DescentException("--seeds must be ≥ 1, got " + seeds);
    }
    PrintWriter o = spec.commandLine().getOut();
    Path directory = out != null ? out : Path.of("descent-reports", experiment.name());
    Report report;
    try (Progress p = Progress.parse(progress, experiment.name(), spec.commandLine().getErr())) {
      ExperimentOptions options = new ExperimentOptions(seeds == null ? 0 : seeds, seed, quick, dataDir, updates, p);
      report = experiment.run(options);
    }
    o.println(report.title());
    report.parameters().forEach((k, v) -> o.printf("  %s: %s%n", k, v));
    o.println();
    o.print(report.headlineTable().toText());
    ReportWriter.Written written = ReportWriter.write(report, directory);
    o.printf("%nreport: %s (%d figures, %d tables; figures as PNG, SVG and CSV in figures/, tables as CSV in data/, everything in results.json)%n",
        written.html(), report.figures().size(), report.tables().size());
    o.flush();
  }
}
