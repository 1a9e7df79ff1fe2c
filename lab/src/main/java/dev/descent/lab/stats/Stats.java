package dev.descent.lab.stats;

/**
 * Summary statistics over repeated runs: the mean and the sample standard deviation
 * s = √(Σ(xᵢ − x̄)²/(n − 1)) (0 for a single run), skipping NaN. Stateless.
 */
public final class Stats {
  private Stats() {}

  /** The mean of the non-NaN values, NaN when there are none. */
  public static double mean(double... values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The sample standard deviation of the non-NaN values (0 for one value, NaN for none). */
  public static double std(double... values) {
    double mean = mean(values);
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += (v - mean) * (v - mean);
        n++;
      }
    }
    return n == 0 ? Double.NaN : n == 1 ? 0 : Math.sqrt(sum / (n - 1));
  }

  /** The smallest non-NaN value, NaN when there is none. */
  public static double min(double... values) {
    double m = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) {
        m = v;
      }
    }
    return m;
  }

  /** The largest non-NaN value, NaN when there is none. */
  public static double max(double... values) {
    double m = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
        m = v;
      }
    }
    return m;
  }
}
