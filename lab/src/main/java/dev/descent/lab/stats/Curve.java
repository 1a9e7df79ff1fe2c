package dev.descent.lab.stats;

import java.util.List;

/**
 * A curve averaged over runs: at every x, the mean and sample standard deviation of the runs' y
 * values there. Runs may differ in length (one stopped early); each point uses the runs that
 * reach it, and the curve ends where fewer than half of them do. Immutable.
 *
 * @param x the x values
 * @param mean the mean over runs
 * @param std the sample standard deviation over runs
 */
public record Curve(double[] x, double[] mean, double[] std) {

  /** The curve of {@code runs} (each a y series over x = 1, 2, …) at x = first, first + 1, …. */
  public static Curve of(List<double[]> runs, double first) {
    int longest = 0;
    for (double[] r : runs) {
      longest = Math.max(longest, r.length);
    }
    int length = 0;
    while (length < longest && reaching(runs, length) * 2 >= runs.size()) {
      length++;
    }
    double[] x = new double[length];
    double[] mean = new double[length];
    double[] std = new double[length];
    double[] column = new double[runs.size()];
    for (int i = 0; i < length; i++) {
      for (int k = 0; k < runs.size(); k++) {
        column[k] = i < runs.get(k).length ? runs.get(k)[i] : Double.NaN;
      }
      x[i] = first + i;
      mean[i] = Stats.mean(column);
      std[i] = Stats.std(column);
    }
    return new Curve(x, mean, std);
  }

  /** This curve drawn at the first {@code length} values of {@code xs} (which must be at least as many). */
  public Curve withXPrefix(double[] xs) {
    if (xs.length < x.length) {
      throw new IllegalArgumentException(xs.length + " x values for a curve of " + x.length);
    }
    return new Curve(java.util.Arrays.copyOf(xs, x.length), mean, std);
  }

  /** mean − std at every point. */
  public double[] lower() {
    double[] l = new double[mean.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = mean[i] - std[i];
    }
    return l;
  }

  /** mean + std at every point. */
  public double[] upper() {
    double[] u = new double[mean.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = mean[i] + std[i];
    }
    return u;
  }

  /** The last mean, NaN when empty. */
  public double lastMean() {
    return mean.length == 0 ? Double.NaN : mean[mean.length - 1];
  }

  private static int reaching(List<double[]> runs, int index) {
    int n = 0;
    for (double[] r : runs) {
      n += r.length > index ? 1 : 0;
    }
    return n;
  }
}
