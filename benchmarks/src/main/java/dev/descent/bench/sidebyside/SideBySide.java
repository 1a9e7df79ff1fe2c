package dev.descent.bench.sidebyside;

import com.google.gson.JsonObject;
import dev.descent.DescentException;
import dev.descent.bench.MlpWorkload;
import dev.descent.data.Dataset;
import dev.descent.kernel.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Descent next to PyTorch and NumPy on the same machine, one after the other, and the ratios against
 * the project's targets (run through {@code benchmarks/side-by-side.sh}):
 *
 * <ol>
 *   <li>the 2-10-5-1 exercise ({@link CirclesExercise}) in Descent: a first run in a fresh JVM, then
 *       untimed runs for {@code warmup} seconds (the JIT finishes compiling, as before the MLP
 *       measurements); then {@code repeats} rounds, each one timed run of Descent, of the
 *       hand-written NumPy version ({@code python/exercise_numpy.py}, after a gradient check of its
 *       backpropagation) and of the PyTorch version ({@code python/exercise_torch.py}), on the same
 *       training set written as {@code .npy} files; the best run of each side counts. The rounds
 *       interleave the sides so that a slow spell of the machine, which on a shared host can last
 *       seconds, falls on all of them alike rather than on the whole of one;
 *   <li>for each batch size, {@code repeats} rounds of MLP training throughput in Descent ({@link
 *       MlpWorkload}, {@link Throughput}), then the same network, loss, optimizer and procedure in
 *       PyTorch ({@code python/mlp_throughput.py}) with {@code torch.set_num_threads(threads)}, side
 *       after side for the same reason; the best round of each side counts.
 * </ol>
 *
 * The MLP data are random on each side (only speed is compared); the exercise uses the same data on
 * every side. Python runs with {@code OMP_WAIT_POLICY=PASSIVE}. When Python, NumPy or PyTorch is
 * missing, its column says so, the reason and what to install are printed, and the Descent side
 * still runs. The report names the BLAS libraries each Python side ran on and warns when one is the
 * reference BLAS ({@link BlasInUse}).
 */
public final class SideBySide {
  private SideBySide() {}

  /** The MLP throughput ratio to PyTorch the project aims for, by batch size. */
  static final Map<Integer, Double> MLP_TARGETS = Map.of(1, 10.0, 32, 1.5, 128, 1.2, 1024, 1.0);

  /** How many times faster than the NumPy version the exercise should train. */
  static final double EXERCISE_TARGET = 10;

  /** The exercise's line among the rounds under the table. */
  private static final String EXERCISE_ROUNDS = "2-10-5-1 exercise (s)";

  /** The seed of the exercise's data and weights, and of the MLP's. */
  static final long SEED = 1;

  /** Runs everything and prints the table; a bad option prints one line and exits with status 2. */
  public static void main(String[] args) throws IOException {
    SideBySideOptions options;
    try {
      options = SideBySideOptions.parse(args);
    } catch (DescentException e) {
      System.err.println("side-by-side: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.print(run(options));
  }

  /** Runs everything as {@code options} say, printing progress, and returns the report. */
  static String run(SideBySideOptions options) throws IOException {
    List<Comparison> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    BlasInUse blas = new BlasInUse();
    RoundLog log = new RoundLog();
    String kernel = Kernels.selected().name();
    progress("Descent: the 2-10-5-1 exercise (%d updates): a first run, then untimed runs for %s s, kernel %s",
        options.updates(), options.warmup(), kernel);
    Dataset data = CirclesExercise.data(SEED);
    CirclesExercise.Run first = CirclesExercise.train(data, SEED, options.updates());
    long warmUpStart = System.nanoTime();
    while (System.nanoTime() - warmUpStart < options.warmup() * 1e9) {
      CirclesExercise.train(data, SEED, options.updates());
    }
    Map<String, Double> costs = new LinkedHashMap<>();
    costs.put("Descent", first.finalCost());

    double best = Double.POSITIVE_INFINITY;
    double numpyBest = Double.NaN;
    double torchBest = Double.NaN;
    Path dir = options.runPython() ? Files.createTempDirectory("descent-side-by-side") : null;
    try {
      if (dir != null) {
        CirclesExercise.write(data, dir);
      }
      List<String> exerciseArgs = dir == null ? List.of() : List.of("--data", dir.toString(), "--updates",
          String.valueOf(options.updates()), "--repeats", "1", "--threads", String.valueOf(options.threads()));
      for (int r = 1; r <= options.repeats(); r++) {
        progress("The exercise, timed run %d of %d: Descent%s", r, options.repeats(),
            dir == null ? "" : ", NumPy (with its gradient check), PyTorch (" + options.threads() + " threads)");
        double seconds = CirclesExercise.train(data, SEED, options.updates()).seconds();
        log.add(EXERCISE_ROUNDS, "Descent", seconds);
        best = Math.min(best, seconds);
        if (dir == null) {
          continue;
        }
        PythonScript.Outcome numpy = python(options, "exercise_numpy.py", exerciseArgs, "NumPy", notes);
        blas.record("NumPy", numpy);
        double numpySeconds = best(numpy);
        numpyBest = lesser(numpyBest, numpySeconds);
        log.add(EXERCISE_ROUNDS, "NumPy", numpySeconds);
        PythonScript.Outcome torch = python(options, "exercise_torch.py", exerciseArgs, "PyTorch", notes);
        double torchSeconds = best(torch);
        torchBest = lesser(torchBest, torchSeconds);
        log.add(EXERCISE_ROUNDS, "PyTorch", torchSeconds);
        if (r == 1) {
          JsonObject check = numpy.find("measure", "gradient_check");
          if (check != null) {
            notes.add(String.format(Locale.ROOT, "NumPy backpropagation vs centred differences: relative error %.2e",
                check.get("relative_error").getAsDouble()));
          }
          cost(numpy, "NumPy", costs);
          cost(torch, "PyTorch", costs);
        }
      }
    } finally {
      if (dir != null) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
    String torchVersion = null;
    String best3 = "best of " + options.repeats();
    rows.add(new Comparison("2-10-5-1 exercise, " + best3 + " (s)", best, numpyBest, "NumPy", false, EXERCISE_TARGET));
    rows.add(new Comparison("2-10-5-1 exercise, " + best3 + " (s)", best, torchBest, "PyTorch", false, Double.NaN));
    rows.add(new Comparison("2-10-5-1 exercise, first run in the JVM (s)", first.seconds(), numpyBest, "NumPy", false,
        Double.NaN));

    for (int batch : options.batches()) {
      String rounds = "MLP batch " + batch + " (samples/s)";
      double descentRate = Double.NaN;
      double torchRate = Double.NaN;
      for (int r = 1; r <= options.repeats(); r++) {
        progress("MLP 784-256-128-10 training, batch %d, round %d of %d (%s s warm-up, %s s timed): Descent%s", batch,
            r, options.repeats(), options.warmup(), options.seconds(),
            options.runPython() ? ", then PyTorch (" + options.threads() + " threads)" : "");
        double rate = Throughput.measure(MlpWorkload.create(batch, SEED), options.warmup(), options.seconds())
            .samplesPerSecond();
        log.add(rounds, "Descent", rate);
        descentRate = greater(descentRate, rate);
        if (!options.runPython()) {
          continue;
        }
        PythonScript.Outcome torchMlp = python(options, "mlp_throughput.py", List.of("--batches", String.valueOf(batch),
            "--examples", String.valueOf(MlpWorkload.EXAMPLES), "--warmup", String.valueOf(options.warmup()),
            "--seconds", String.valueOf(options.seconds()), "--threads", String.valueOf(options.threads())), "PyTorch",
            notes);
        blas.record("PyTorch", torchMlp);
        JsonObject info = torchMlp.find("measure", "torch");
        if (info != null) {
          torchVersion = info.get("version").getAsString() + ", " + info.get("threads").getAsInt() + " threads";
        }
        JsonObject result = torchMlp.find("batch", batch);
        double torchRound = result == null ? Double.NaN : result.get("samples_per_second").getAsDouble();
        log.add(rounds, "PyTorch", torchRound);
        torchRate = greater(torchRate, torchRound);
      }
      rows.add(new Comparison("MLP training, batch " + batch + ", " + best3 + " (samples/s)", descentRate, torchRate,
          "PyTorch", true, MLP_TARGETS.getOrDefault(batch, Double.NaN)));
    }

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "%nSide by side, one after the other on this machine (%d processors): "
            + "Descent kernel %s on Java %s (%s); PyTorch %s; Python with OMP_WAIT_POLICY=PASSIVE%n%n",
        Runtime.getRuntime().availableProcessors(), kernel, System.getProperty("java.version"),
        System.getProperty("java.vm.name"), torchVersion == null ? "not run" : torchVersion));
    String warning = blas.warning();
    if (warning != null) {
      report.append(warning).append("\n\n");
      System.err.println(warning);
    }
    report.append(ComparisonTable.render(rows)).append('\n');
    report.append("ratio: how many times faster Descent is (its samples/s over theirs; their seconds over Descent's).\n");
    report.append("MLP: 784-256-128-10 relu, softmax cross-entropy, Adam lr 1e-3, float32, ")
        .append(MlpWorkload.EXAMPLES).append(" random examples on each side.\n");
    report.append("2-10-5-1: the initialization experiment's He run (300 circles, full-batch GD, lr 0.01, ")
        .append(options.updates()).append(" updates), the same data on every side.\n");
    report.append("2-10-5-1 final training cost (different random starts, so only roughly equal):");
    report.append(String.join(",", costs.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, " %s %.4f", e.getKey(), e.getValue())).toList()));
    report.append('\n');
    report.append("Every round:\n");
    for (String line : log.lines()) {
      report.append("  ").append(line).append('\n');
    }
    for (String line : blas.lines()) {
      report.append(line).append('\n');
    }
    for (String note : notes) {
      report.append(note).append('\n');
    }
    return report.toString();
  }

  private static PythonScript.Outcome python(SideBySideOptions options, String script, List<String> args, String what,
      List<String> notes) {
    PythonScript.Outcome outcome = PythonScript.run(options.python(), options.scripts().resolve(script), args);
    if (!outcome.ok()) {
      String line = what + " (" + script + ") did not run: " + outcome.failure();
      System.err.println(line);
      if (!notes.contains(line)) {
        notes.add(line);
      }
    }
    return outcome;
  }

  /** The least {@code seconds} among the runs a script reported, or NaN. */
  private static double best(PythonScript.Outcome outcome) {
    return outcome.results().stream()
        .filter(o -> o.has("measure") && o.get("measure").getAsString().equals("exercise"))
        .map(o -> o.get("seconds").getAsDouble())
        .min(Comparator.naturalOrder())
        .orElse(Double.NaN);
  }

  /** The greater of two rates, either of which may be NaN (a side that did not run). */
  private static double greater(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /** The smaller of two times, either of which may be NaN (a side that did not run). */
  private static double lesser(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  /** Puts the final cost of the first exercise run a script reported, if any, under {@code what}. */
  private static void cost(PythonScript.Outcome outcome, String what, Map<String, Double> costs) {
    outcome.results().stream()
        .filter(o -> o.has("measure") && o.get("measure").getAsString().equals("exercise"))
        .findFirst()
        .ifPresent(o -> costs.put(what, o.get("final_cost").getAsDouble()));
  }

  private static void progress(String format, Object... args) {
    System.err.println("# " + String.format(Locale.ROOT, format, args));
  }
}
