package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.loss.Loss;
import dev.descent.loss.Losses;
import dev.descent.nn.Dense;
import dev.descent.nn.Mlp;
import dev.descent.nn.Sequential;
import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import dev.descent.train.Objective;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;

/**
 * The flags that describe a fully connected model and its objective, shared by the commands that
 * build one. The output activation and loss default to what the labels call for: a sigmoid and
 * binary cross-entropy for 0/1 labels, a softmax and cross-entropy for integer classes 0..k−1 with
 * k &gt; 2, a linear output and mean squared error otherwise.
 */
final class ModelOptions {
  @Option(names = "--hidden", split = ",", paramLabel = "N[,N...]", defaultValue = "10,5",
      description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(names = "--activation", paramLabel = "SPEC", defaultValue = "relu",
      description = "Hidden activation (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(names = "--output", paramLabel = "sigmoid|softmax|linear",
      description = "Output activation (default: from the labels).")
  String output;

  @Option(names = "--loss", paramLabel = "NAME", description = "Loss (default: from the output activation).")
  String loss;

  @Option(names = "--l2", paramLabel = "λ", defaultValue = "0",
      description = "L2 penalty λ·Σ‖W‖² on weights (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--init", paramLabel = "SPEC", defaultValue = Dense.DEFAULT_WEIGHT_INIT,
      description = "Weight initializer (default: ${DEFAULT-VALUE}).")
  String init;

  @Option(names = "--bias-init", paramLabel = "SPEC", defaultValue = Dense.DEFAULT_BIAS_INIT,
      description = "Bias initializer (default: ${DEFAULT-VALUE}).")
  String biasInit;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the initial weights and the shuffles (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dtype", paramLabel = "float32|float64", defaultValue = "float32",
      description = "Element type (default: ${DEFAULT-VALUE}).")
  String dtype;

  DType dtype() {
    return DType.parse(dtype);
  }

  /** The objective for {@code data}: the model, built and initialized from the seed, and the loss. */
  Objective objective(Dataset data) {
    Tensor labels = data.targets();
    String out = output != null ? output : defaultOutput(labels);
    int outputs = out.equals("softmax") ? classCount(labels) : labels.cols();
    Sequential model = Mlp.of(hidden, activation, outputs, out, init, biasInit);
    model.build(data.featureCount(), dtype(), new SplittableRandom(seed));
    Loss chosen = Losses.resolve(loss != null ? loss : defaultLoss(out));
    return new Objective(model, chosen, l2);
  }

  private static String defaultOutput(Tensor labels) {
    if (labels.cols() != 1) {
      return "linear";
    }
    boolean integers = true;
    double max = 0;
    for (int i = 0; i < labels.size(); i++) {
      double v = labels.get(i);
      integers &= v == Math.rint(v) && v >= 0;
      max = Math.max(max, v);
    }
    if (!integers) {
      return "linear";
    }
    return max <= 1 ? "sigmoid" : "softmax";
  }

  private static String defaultLoss(String output) {
    return switch (output) {
      case "sigmoid" -> "binary_cross_entropy";
      case "softmax" -> "cross_entropy";
      default -> "mse";
    };
  }

  private static int classCount(Tensor labels) {
    if (labels.cols() > 1) {
      return labels.cols();
    }
    double max = 0;
    for (int i = 0; i < labels.size(); i++) {
      double v = labels.get(i);
      if (v != Math.rint(v) || v < 0) {
        throw new DescentException("a softmax output needs integer class labels 0..k−1, found " + v);
      }
      max = Math.max(max, v);
    }
    return (int) max + 1;
  }
}
