package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.data.NpyWriter;
import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.init.Initializers;
import dev.descent.initializers.PredictableInitializer;
import dev.descent.initializers.distribution.Distribution;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent init SPEC --fan-in N --fan-out M}: draws a {@code [fan_in, fan_out]} weight (our
 * dense layout) with an initializer and prints the sample's mean, standard deviation, minimum and
 * maximum beside the values its formula predicts; optionally writes the weights as {@code .npy}
 * and plots their histogram with the theoretical density.
 */
@Command(name = "init", description = "Draw a weight matrix with an initializer and compare it with its formula.")
final class InitCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The initializer, such as he_normal or random_normal(stddev=10).")
  String initializer;

  @Option(names = "--fan-in", paramLabel = "N", required = true, description = "Inputs of the layer (rows).")
  int fanIn;

  @Option(names = "--fan-out", paramLabel = "M", required = true, description = "Outputs of the layer (columns).")
  int fanOut;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dtype", paramLabel = "float32|float64", defaultValue = "float32",
      description = "Element type (default: ${DEFAULT-VALUE}).")
  String dtype;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "linear",
      description = "The activation after the layer, for adaptive schemes such as auto (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(names = "--out", paramLabel = "FILE.npy", description = "Write the weights as a NumPy .npy file.")
  Path out;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot the histogram with the theoretical density.")
  Path plot;

  @Override
  public void run() {
    if (fanIn < 1 || fanOut < 1) {
      throw new DescentException(String.format("--fan-in and --fan-out must be ≥ 1, got %d and %d", fanIn, fanOut));
    }
    PrintWriter w = spec.commandLine().getOut();
    Initializer init = Initializers.resolve(initializer).forActivation(activation);
    Shape shape = Shape.matrix(fanIn, fanOut);
    Fans fans = Fans.dense(fanIn, fanOut);
    Tensor weights = Tensor.zeros(DType.parse(dtype), shape);
    init.fill(weights, fans, new SplittableRandom(seed));
    Optional<Distribution> predicted = PredictableInitializer.of(init, shape, fans);
    double[] sample = SampleStatistics.of(weights);
    w.printf("%s on [%d, %d] (fan_in %d, fan_out %d), %s, seed %d%n", init.spec(), fanIn, fanOut, fanIn, fanOut,
        weights.dtype().label(), seed);
    predicted.ifPresent(d -> w.printf("distribution: %s%n", d.describe()));
    w.printf("%-10s %16s %16s%n", "", "sample", "predicted");
    String[] names = {"mean", "std", "min", "max"};
    for (int i = 0; i < names.length; i++) {
      double expected = predicted.map(SampleStatistics.moments(i)).orElse(Double.NaN);
      w.printf("%-10s %16.8g %16s%n", names[i], sample[i], Double.isNaN(expected) ? "-" : String.format("%.8g", expected));
    }
    if (out != null) {
      NpyWriter.write(weights, out);
      w.printf("wrote %s%n", out);
    }
    if (plot != null) {
      HistogramPlot.write(weights, sample[2], sample[3], predicted.orElse(null), init.spec(), plot);
      w.printf("wrote %s%n", plot);
    }
  }
}
