package dev.descent.bench.sidebyside;

import dev.descent.DescentException;
import dev.descent.bench.MlpWorkload;
import dev.descent.bench.OptionValues;
import dev.descent.lab.experiments.InitializationExperiment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@link SideBySide}, parsed from its command line ({@code --name value} pairs).
 *
 * @param batches the MLP batch sizes
 * @param warmup untimed seconds of MLP training before each measurement, and of exercise runs after the first
 * @param seconds timed seconds of MLP training per batch size and round (at least)
 * @param repeats timed runs of the 2-10-5-1 exercise, and rounds of MLP training per batch size, on
 *     each side (the best counts)
 * @param updates updates per run of the exercise
 * @param threads PyTorch's intra-op threads ({@code torch.set_num_threads})
 * @param python the Python interpreter
 * @param scripts the folder of the Python scripts
 * @param runPython whether to run the Python side at all
 */
public record SideBySideOptions(int[] batches, double warmup, double seconds, int repeats, long updates, int threads,
    Path python, Path scripts, boolean runPython) {

  /** The usage line. */
  public static final String USAGE = "options: --batches 1,32,128,1024  --warmup 2  --seconds 3  --repeats 3"
      + "  --updates 15000  --threads N (PyTorch; default: the processors)  --python /usr/bin/python3"
      + "  --scripts benchmarks/python  --descent-only";

  public SideBySideOptions {
    batches = batches.clone();
  }

  /** The defaults. */
  public static SideBySideOptions defaults() {
    return new SideBySideOptions(new int[] {1, 32, 128, 1024}, 2, 3, 3, InitializationExperiment.UPDATES,
        Runtime.getRuntime().availableProcessors(), Path.of("/usr/bin/python3"), Path.of("benchmarks", "python"), true);
  }

  /** The options {@code args} give, on top of the defaults; a bad option is a one-line error. */
  public static SideBySideOptions parse(String[] args) {
    SideBySideOptions o = defaults();
    int[] batches = o.batches;
    double warmup = o.warmup;
    double seconds = o.seconds;
    int repeats = o.repeats;
    long updates = o.updates;
    int threads = o.threads;
    Path python = o.python;
    Path scripts = o.scripts;
    boolean runPython = true;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--descent-only")) {
        runPython = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new DescentException(known(name) ? "option " + name + " needs a value" : unknown(name));
      }
      String value = args[++i];
      switch (name) {
        case "--batches" -> batches = batches(value);
        case "--warmup" -> warmup = OptionValues.number(name, value, 0, 600);
        case "--seconds" -> seconds = OptionValues.number(name, value, 0.01, 600);
        case "--repeats" -> repeats = (int) OptionValues.integer(name, value, 1, 100);
        case "--updates" -> updates = OptionValues.integer(name, value, 1, 100_000_000);
        case "--threads" -> threads = (int) OptionValues.integer(name, value, 1, 1024);
        case "--python" -> python = Path.of(value);
        case "--scripts" -> scripts = Path.of(value);
        default -> throw new DescentException(unknown(name));
      }
    }
    return new SideBySideOptions(batches, warmup, seconds, repeats, updates, threads, python, scripts, runPython);
  }

  private static final List<String> NAMES = List.of("--batches", "--warmup", "--seconds", "--repeats", "--updates",
      "--threads", "--python", "--scripts", "--descent-only");

  private static boolean known(String name) {
    return NAMES.contains(name);
  }

  private static String unknown(String name) {
    return "unknown option '" + name + "'; " + USAGE;
  }

  private static int[] batches(String value) {
    try {
      int[] b = Arrays.stream(value.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
      for (int x : b) {
        if (x < 1 || x > MlpWorkload.EXAMPLES || MlpWorkload.EXAMPLES % x != 0) {
          throw new NumberFormatException();
        }
      }
      return b;
    } catch (NumberFormatException e) {
      throw new DescentException(String.format(
          "option --batches must be a comma-separated list of divisors of %d (such as 1,32,128,1024), got '%s'",
          MlpWorkload.EXAMPLES, value));
    }
  }
}
