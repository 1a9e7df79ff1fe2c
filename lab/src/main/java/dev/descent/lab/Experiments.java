package dev.descent.lab;

import dev.descent.DescentException;
import dev.descent.lab.experiments.FashionMnistExperiment;
import dev.descent.lab.experiments.GdVariantsExperiment;
import dev.descent.lab.experiments.InitializationExperiment;
import dev.descent.lab.experiments.InitializersExperiment;
import dev.descent.lab.experiments.LandscapeExperiment;
import dev.descent.lab.experiments.VanishingExperiment;
import dev.descent.spec.Names;
import java.util.List;

/** The catalogue of experiments, by name. Immutable and thread-safe. */
public final class Experiments {
  private static final List<Experiment> ALL = List.of(
      new InitializationExperiment(),
      new InitializersExperiment(),
      new GdVariantsExperiment(),
      new VanishingExperiment(),
      new LandscapeExperiment(),
      new FashionMnistExperiment());

  private Experiments() {}

  /** Every experiment, in the order the documentation presents them. */
  public static List<Experiment> all() {
    return ALL;
  }

  /** Every name. */
  public static List<String> names() {
    return ALL.stream().map(Experiment::name).toList();
  }

  /** The experiment called {@code name}; an unknown name lists the known ones and the closest. */
  public static Experiment find(String name) {
    for (Experiment e : ALL) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new DescentException(String.format("unknown experiment '%s'%s; known experiments: %s (see 'descent experiment --help')",
        name, Names.didYouMean(name, names()), String.join(", ", names())));
  }
}
