package dev.descent.lab;

import dev.descent.lab.report.Report;

/**
 * One of the laboratory's experiments: a name for the command line, a one-line description, and
 * a run that repeats the experiment over seeds and returns its {@link Report} (figures and
 * tables). Implementations are stateless and thread-safe.
 */
public interface Experiment {

  /** The name, as written on the command line, such as {@code gd-variants}. */
  String name();

  /** One line: what it shows. */
  String description();

  /** The number of seeds when none is asked for. */
  int defaultSeeds();

  /** Runs the experiment. User errors (missing data, bad options) are {@link dev.descent.DescentException}s. */
  Report run(ExperimentOptions options);
}
