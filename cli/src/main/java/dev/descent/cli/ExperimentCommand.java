package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.spec.Names;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code descent experiment NAME}: runs one of the classic experiments and prints its table. */
@Command(name = "experiment", description = "Run a classic experiment: initialization.")
final class ExperimentCommand implements Runnable {
  static final List<String> NAMES = List.of("initialization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The experiment: ${COMPLETION-CANDIDATES}",
      completionCandidates = Names.class)
  String name;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of data and weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--updates", paramLabel = "N", defaultValue = "15000",
      description = "Full-batch updates per initialization (default: ${DEFAULT-VALUE}).")
  long updates;

  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }

  @Override
  public void run() {
    if (!NAMES.contains(name)) {
      throw new DescentException(String.format("unknown experiment '%s'%s; known experiments: %s", name,
          dev.descent.spec.Names.didYouMean(name, NAMES), String.join(", ", NAMES)));
    }
    if (updates < 1) {
      throw new DescentException("--updates must be ≥ 1, got " + updates);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Initialization: circles (300 train, 100 test, noise 0.05), 2-10-5-1 relu/relu/sigmoid,%n"
        + "binary cross-entropy, full-batch gradient descent, lr 0.01, %d updates, seed %d%n%n", updates, seed);
    out.printf("%-12s %-36s %12s %10s %10s %9s%n", "init", "spec", "final cost", "train acc", "test acc", "time (s)");
    for (InitializationExperiment.Row row : InitializationExperiment.run(seed, updates)) {
      out.printf("%-12s %-36s %12.6f %10.4f %10.4f %9.2f%n", row.name(), row.spec(), row.train().loss(),
          row.train().accuracy(), row.test().accuracy(), row.history().epochSeconds().last());
      out.flush();
    }
  }
}
