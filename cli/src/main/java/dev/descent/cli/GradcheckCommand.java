package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.check.GradientCheck;
import dev.descent.data.CsvReader;
import dev.descent.data.Dataset;
import dev.descent.tensor.DType;
import dev.descent.train.Objective;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent gradcheck FILE.csv}: builds the model that {@code descent train} would build from
 * the same flags, in float64, and compares its backpropagated gradient on the first examples of the
 * file with centred finite differences ({@link GradientCheck}). Prints the relative error per
 * parameter and the worst entries; exits with status 0 when the overall relative error is at most
 * the threshold and 1 when it is above.
 */
@Command(name = "gradcheck", description = {
    "Check backpropagation against finite differences (float64) on the model 'descent train' would build.",
    "Exit status 0 when the relative error is at most --threshold, 1 when above."})
final class GradcheckCommand implements Callable<Integer> {
  /** The exit status of a failed check. */
  static final int FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "Data with a header row.")
  Path data;

  @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last).")
  String label;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "16",
      description = "Examples in the checked batch, from the top of the file (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--threshold", paramLabel = "T", defaultValue = "1e-7",
      description = "Largest relative error ‖g − g̃‖/(‖g‖ + ‖g̃‖) that passes (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--epsilon", paramLabel = "ε", defaultValue = "1e-6",
      description = "Finite-difference step (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Mixin ModelOptions model;

  @Override
  public Integer call() {
    if (examples < 1) {
      throw new DescentException("--examples must be ≥ 1, got " + examples);
    }
    if (!(threshold > 0)) {
      throw new DescentException("--threshold must be > 0, got " + threshold);
    }
    PrintWriter out = spec.commandLine().getOut();
    model.dtype = DType.FLOAT64.label();
    Dataset all = CsvReader.read(data, label, DType.FLOAT64).dataset();
    Dataset batch = all.head(examples);
    Objective objective = model.objective(batch);
    GradientCheck.Result result = GradientCheck.check(objective, batch.features(), batch.targets(), epsilon,
        GradientCheck.DropoutMode.FIXED_MASK, 5);
    out.printf("model: %d inputs, %s (float64), loss %s, l2 %s%n", batch.featureCount(), objective.model().spec(),
        objective.loss().name(), model.l2);
    out.printf("batch: the first %d examples of %s, ε = %s%n%n", batch.size(), data, epsilon);
    out.print(result.report());
    boolean passes = result.passes(threshold);
    out.printf("%n%s: relative error %.3e %s threshold %.1e%n", passes ? "PASS" : "FAIL", result.relativeError(),
        passes ? "≤" : ">", threshold);
    out.flush();
    return passes ? 0 : FAILED;
  }
}
