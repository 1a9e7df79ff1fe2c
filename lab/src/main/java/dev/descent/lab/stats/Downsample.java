package dev.descent.lab.stats;

/**
 * Reduces a long series (such as the loss of every one of 100,000 stochastic updates) to at most
 * {@code points} bucket means, so a figure stays readable and small: bucket j covers consecutive
 * indices of equal count and is drawn at the mean of its x values. Stateless.
 */
public final class Downsample {
  private Downsample() {}

  /**
   * Bucket means of {@code y} over x = {@code x}; returns {x′, y′}. A series no longer than
   * {@code points} is returned as it is.
   */
  public static double[][] means(double[] x, double[] y, int points) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values and " + y.length + " y values");
    }
    int n = y.length;
    if (n <= points) {
      return new double[][] {x.clone(), y.clone()};
    }
    double[] bx = new double[points];
    double[] by = new double[points];
    for (int j = 0; j < points; j++) {
      int from = (int) ((long) n * j / points);
      int to = (int) ((long) n * (j + 1) / points);
      double sx = 0;
      double sy = 0;
      for (int i = from; i < to; i++) {
        sx += x[i];
        sy += y[i];
      }
      bx[j] = sx / (to - from);
      by[j] = sy / (to - from);
    }
    return new double[][] {bx, by};
  }

  /**
   * Bucket means for a logarithmic x axis: bucket edges spaced geometrically over the indices, so
   * the first updates keep their own points and the later ones share buckets; returns {x′, y′}
   * with at most {@code points} points.
   */
  public static double[][] logMeans(double[] x, double[] y, int points) {
    int n = y.length;
    if (n <= points) {
      return new double[][] {x.clone(), y.clone()};
    }
    double[] bx = new double[points];
    double[] by = new double[points];
    int count = 0;
    int from = 0;
    for (int j = 1; j <= points && from < n; j++) {
      int to = j == points ? n : Math.max(from + 1, (int) Math.round(Math.pow(n, (double) j / points)));
      to = Math.min(to, n);
      double sx = 0;
      double sy = 0;
      for (int i = from; i < to; i++) {
        sx += x[i];
        sy += y[i];
      }
      bx[count] = sx / (to - from);
      by[count] = sy / (to - from);
      count++;
      from = to;
    }
    return new double[][] {java.util.Arrays.copyOf(bx, count), java.util.Arrays.copyOf(by, count)};
  }

  /** 1, 2, …, n. */
  public static double[] counting(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }
}
