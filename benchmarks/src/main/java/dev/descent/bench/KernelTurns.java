package dev.descent.bench;

import dev.descent.DescentException;
import dev.descent.kernel.Kernels;
import dev.descent.kernel.MatrixKernels;
import dev.descent.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Matrix kernels taking turns on one square product C ← A·B in one JVM. Each round times {@code
 * products} consecutive products with each kernel in the order given. A slow spell of a shared
 * machine then falls on every kernel alike, which JMH's forks, one kernel after another and minutes
 * apart, cannot promise. It prints each kernel's GFLOP/s round by round (2·n³ per product), then the
 * median of each and its ratio to the first kernel's median. Warm-up rounds are run and not shown.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.descent.bench.KernelTurns --kernels blas,vector --dtype float64
 * </pre>
 *
 * <p>The kernels use every processor; for one thread, run the JVM with {@code
 * -XX:ActiveProcessorCount=1} and OpenBLAS with {@code OPENBLAS_NUM_THREADS=1}.
 */
public final class KernelTurns {
  private KernelTurns() {}

  /**
   * The options, parsed from {@code --name value} pairs.
   *
   * @param kernels the kernels' names, the first being the one the others are compared with
   * @param size n, the side of A, B and C
   * @param dtype float32 or float64
   * @param warmup rounds run before those shown
   * @param rounds rounds shown
   * @param products products per kernel per round
   */
  public record Options(List<String> kernels, int size, DType dtype, int warmup, int rounds, int products) {
    /** The usage line. */
    public static final String USAGE = "options: --kernels blas,vector  --size 1024  --dtype float64|float32"
        + "  --warmup 2  --rounds 20  --products 4";

    public Options {
      kernels = List.copyOf(kernels);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(List.of("blas", "vector"), 1024, DType.FLOAT64, 2, 20, 4);
    }

    /** The options {@code args} give, on top of the defaults; a bad option is a one-line error. */
    public static Options parse(String[] args) {
      Options o = defaults();
      List<String> kernels = o.kernels;
      int size = o.size;
      DType dtype = o.dtype;
      int warmup = o.warmup;
      int rounds = o.rounds;
      int products = o.products;
      for (int i = 0; i < args.length; i += 2) {
        String name = args[i];
        if (!NAMES.contains(name)) {
          throw new DescentException("unknown option '" + name + "'; " + USAGE);
        }
        if (i + 1 >= args.length) {
          throw new DescentException("option " + name + " needs a value");
        }
        String value = args[i + 1];
        switch (name) {
          case "--kernels" -> kernels = kernels(value);
          case "--size" -> size = (int) OptionValues.integer(name, value, 1, 8192);
          case "--dtype" -> dtype = DType.parse(value);
          case "--warmup" -> warmup = (int) OptionValues.integer(name, value, 0, 1000);
          case "--rounds" -> rounds = (int) OptionValues.integer(name, value, 1, 1000);
          case "--products" -> products = (int) OptionValues.integer(name, value, 1, 1000);
          default -> throw new IllegalStateException("option " + name + " is listed but not parsed");
        }
      }
      return new Options(kernels, size, dtype, warmup, rounds, products);
    }

    private static final List<String> NAMES =
        List.of("--kernels", "--size", "--dtype", "--warmup", "--rounds", "--products");

    private static List<String> kernels(String value) {
      List<String> names = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (names.isEmpty()) {
        throw new DescentException("option --kernels needs at least one kernel's name, such as blas,vector");
      }
      return names;
    }
  }

  /**
   * Runs the kernels named by {@code args} and prints the report; a bad option or kernel is one line
   * on standard error and exit status 2.
   */
  public static void main(String[] args) {
    try {
      Options options = Options.parse(args);
      List<MatrixKernels> kernels = resolve(options.kernels());
      double[][] gflops = measure(kernels, options);
      System.out.print(report(kernels, options, gflops));
    } catch (DescentException e) {
      System.err.println("kernel-turns: " + e.getMessage());
      System.exit(2);
    }
  }

  /** The kernels called {@code names}: an unknown or unavailable name is a one-line error naming the known ones. */
  static List<MatrixKernels> resolve(List<String> names) {
    List<MatrixKernels> kernels = new ArrayList<>();
    for (String name : names) {
      kernels.add(Kernels.choose(Kernels.all(), name));
    }
    return kernels;
  }

  /** GFLOP/s of {@code kernels.get(k)} in shown round r, at {@code [k][r]}. */
  static double[][] measure(List<MatrixKernels> kernels, Options options) {
    int n = options.size();
    SplittableRandom random = new SplittableRandom(1);
    Operands operands = options.dtype() == DType.FLOAT32 ? Operands.floats(n, random) : Operands.doubles(n, random);
    double gflop = 2.0 * n * n * n * options.products() / 1e9;
    double[][] gflops = new double[kernels.size()][options.rounds()];
    for (int round = -options.warmup(); round < options.rounds(); round++) {
      for (int k = 0; k < kernels.size(); k++) {
        long start = System.nanoTime();
        for (int p = 0; p < options.products(); p++) {
          operands.multiply(kernels.get(k), n);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (round >= 0) {
          gflops[k][round] = gflop / seconds;
        }
      }
    }
    return gflops;
  }

  /** The rounds, then each kernel's median and its ratio to the first kernel's. */
  static String report(List<MatrixKernels> kernels, Options options, double[][] gflops) {
    StringBuilder out = new StringBuilder(String.format(
        "C <- A·B, n = %d, %s, %d products per kernel per round, kernels taking turns; GFLOP/s%n",
        options.size(), options.dtype().label(), options.products()));
    int width = kernels.stream().mapToInt(k -> k.name().length()).max().orElse(0);
    for (int k = 0; k < kernels.size(); k++) {
      out.append(String.format("%-" + width + "s ", kernels.get(k).name()));
      for (double g : gflops[k]) {
        out.append(String.format(" %.1f", g));
      }
      out.append(System.lineSeparator());
    }
    double first = median(gflops[0]);
    for (int k = 0; k < kernels.size(); k++) {
      double m = median(gflops[k]);
      out.append(String.format("median %-" + width + "s %8.1f  (%.2f of %s)%n", kernels.get(k).name(), m, m / first,
          kernels.get(0).name()));
    }
    return out.toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** A, B and C of one precision, and the product through a kernel. */
  private interface Operands {
    void multiply(MatrixKernels kernel, int n);

    static Operands floats(int n, SplittableRandom random) {
      float[] a = new float[n * n];
      float[] b = new float[n * n];
      float[] c = new float[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) random.nextDouble(-1, 1);
        b[i] = (float) random.nextDouble(-1, 1);
      }
      return (kernel, size) -> kernel.gemm(false, false, size, size, size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size);
    }

    static Operands doubles(int n, SplittableRandom random) {
      double[] a = new double[n * n];
      double[] b = new double[n * n];
      double[] c = new double[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextDouble(-1, 1);
        b[i] = random.nextDouble(-1, 1);
      }
      return (kernel, size) -> kernel.gemm(false, false, size, size, size, 1d, a, 0, size, b, 0, size, 0d, c, 0, size);
    }
  }
}
