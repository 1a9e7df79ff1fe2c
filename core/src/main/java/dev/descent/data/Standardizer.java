package dev.descent.data;

import dev.descent.tensor.Tensor;

/**
 * Per-column standardization, x′ = (x − μ)/σ, with μ and σ (population standard deviation) fitted on
 * one dataset (the training set) and applied to others. A constant column becomes 0 (μ is its
 * value, σ = 1). Immutable.
 */
public final class Standardizer {
  private final double[] mean;
  private final double[] std;

  private Standardizer(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  /** Fits the column means and standard deviations of {@code features}. */
  public static Standardizer fit(Tensor features) {
    int n = features.rows();
    int cols = features.cols();
    double[] mean = new double[cols];
    double[] std = new double[cols];
    double[] min = new double[cols];
    double[] max = new double[cols];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < cols; c++) {
        double v = features.get(r, c);
        mean[c] += v;
        min[c] = Math.min(min[c], v);
        max[c] = Math.max(max[c], v);
      }
    }
    for (int c = 0; c < cols; c++) {
      mean[c] /= n;
    }
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < cols; c++) {
        double d = features.get(r, c) - mean[c];
        std[c] += d * d;
      }
    }
    for (int c = 0; c < cols; c++) {
      if (min[c] == max[c]) {
        mean[c] = min[c];
        std[c] = 1;
      } else {
        std[c] = Math.sqrt(std[c] / n);
      }
    }
    return new Standardizer(mean, std);
  }

  /** A standardized copy of {@code features}. */
  public Tensor apply(Tensor features) {
    Tensor out = features.copy();
    int cols = features.cols();
    for (int i = 0; i < out.size(); i++) {
      int c = i % cols;
      out.set(i, (out.get(i) - mean[c]) / std[c]);
    }
    return out;
  }

  /** {@code dataset} with standardized features. */
  public Dataset apply(Dataset dataset) {
    return new Dataset(apply(dataset.features()), dataset.targets());
  }
}
