package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optimizers.clip.ClipCallback;
import dev.descent.optimizers.clip.Clippers;
import dev.descent.optimizers.schedule.ScheduleCallback;
import dev.descent.optimizers.schedule.Schedules;
import dev.descent.train.GradientDescents;
import dev.descent.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The flags that say how to train: update rule, gradient-descent variant, duration, learning-rate
 * schedule and gradient clipping.
 */
final class TrainingOptions {
  @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "sgd(lr=0.01)",
      description = "Update rule (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--gd", paramLabel = "batch|sgd|minibatch(size=n)", defaultValue = "minibatch(size=32)",
      description = "Gradient-descent variant (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(names = "--schedule", paramLabel = "SPEC",
      description = "Learning-rate schedule, such as step(step_size=30, gamma=0.1) (default: none).")
  String schedule;

  @Option(names = "--clip", paramLabel = "SPEC",
      description = "Gradient clipping before each update: norm(max_norm=1) or value(clip_value=0.5) (default: none).")
  String clip;

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

  /** The clipping and schedule callbacks the flags ask for, clipping first. */
  java.util.List<dev.descent.train.TrainingCallback> callbacks() {
    java.util.List<dev.descent.train.TrainingCallback> callbacks = new java.util.ArrayList<>();
    if (clip != null) {
      callbacks.add(new ClipCallback(Clippers.resolve(clip)));
    }
    if (schedule != null) {
      callbacks.add(new ScheduleCallback(Schedules.resolve(schedule)));
    }
    return callbacks;
  }

  TrainingConfig config(long seed) {
    return baseConfig(seed).withCallbacks(callbacks());
  }

  private TrainingConfig baseConfig(long seed) {
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
