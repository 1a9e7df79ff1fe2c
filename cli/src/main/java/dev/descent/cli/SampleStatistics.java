package dev.descent.cli;

import dev.descent.initializers.distribution.Distribution;
import dev.descent.tensor.Tensor;
import java.util.function.Function;

/** The mean, population standard deviation, minimum and maximum of a tensor's values. */
final class SampleStatistics {
  private SampleStatistics() {}

  /** {mean, std, min, max} of {@code t}. */
  static double[] of(Tensor t) {
    double mean = t.sum() / t.size();
    double squares = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < t.size(); i++) {
      double v = t.get(i);
      squares += (v - mean) * (v - mean);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new double[] {mean, Math.sqrt(squares / t.size()), min, max};
  }

  /** The predicted counterpart of statistic {@code i} of {@link #of}. */
  static Function<Distribution, Double> moments(int i) {
    return switch (i) {
      case 0 -> Distribution::mean;
      case 1 -> Distribution::std;
      case 2 -> Distribution::min;
      default -> Distribution::max;
    };
  }
}
