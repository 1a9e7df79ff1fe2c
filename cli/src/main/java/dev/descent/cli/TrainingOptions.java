package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.train.GradientDescents;
import dev.descent.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The flags that say how to train: update rule, gradient-descent variant and duration. */
final class TrainingOptions {
  @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "sgd(lr=0.01)",
      description = "Update rule (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--gd", paramLabel = "batch|sgd|minibatch(size=n)", defaultValue = "minibatch(size=32)",
      description = "Gradient-descent variant (default: ${DEFAULT-VALUE}).")
  String variant;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Duration duration = new Duration();

  static final class Duration {
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (default: 100).")
    Integer epochs;

    @Option(names = "--updates", paramLabel = "N", description = "Updates to train, whatever the epochs.")
    Long updates;
  }

  Optimizer optimizer() {
    return Optimizers.resolve(optimizer);
  }

  TrainingConfig config(long seed) {
    var gd = GradientDescents.resolve(variant);
    Duration d = duration == null ? new Duration() : duration;
    if (d.updates != null) {
      if (d.updates < 1) {
        throw new DescentException("--updates must be ≥ 1, got " + d.updates);
      }
      return TrainingConfig.updates(gd, d.updates, seed);
    }
    int epochs = d.epochs == null ? 100 : d.epochs;
    if (epochs < 1) {
      throw new DescentException("--epochs must be ≥ 1, got " + epochs);
    }
    return TrainingConfig.epochs(gd, epochs, seed);
  }
}
