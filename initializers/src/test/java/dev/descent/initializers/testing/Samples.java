package dev.descent.initializers.testing;

import dev.descent.init.Fans;
import dev.descent.init.Initializer;
import dev.descent.tensor.DType;
import dev.descent.tensor.Shape;
import dev.descent.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws samples from initializers and runs goodness-of-fit statistics on them. */
public final class Samples {
  private Samples() {}

  /**
   * The values of as many fills of a {@code shape} tensor (fans from the shape) as it takes to have
   * at least {@code count} values, from one generator seeded with {@code seed}.
   */
  public static double[] draw(Initializer init, Shape shape, int count, long seed, DType dtype) {
    SplittableRandom random = new SplittableRandom(seed);
    Fans fans = Fans.of(shape);
    int size = shape.size();
    int fills = (count + size - 1) / size;
    double[] values = new double[fills * size];
    Tensor t = Tensor.zeros(dtype, shape);
    for (int f = 0; f < fills; f++) {
      init.fill(t, fans, random);
      for (int i = 0; i < size; i++) {
        values[f * size + i] = t.get(i);
      }
    }
    return values;
  }

  /**
   * The Kolmogorov–Smirnov distance between the sample's empirical distribution and the reference
   * one, evaluated at the reference's quantiles: max over k of |Fₙ(qₖ) − pₖ| (and of the left limits
   * Fₙ(qₖ⁻)). It is at most the full KS statistic, so the KS critical value bounds its false-failure
   * rate.
   */
  public static double ksOnGrid(double[] sample, double[] quantiles, double[] probabilities) {
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    double n = sorted.length;
    double d = 0;
    for (int k = 0; k < quantiles.length; k++) {
      int below = lowerBound(sorted, quantiles[k]);
      int atOrBelow = upperBound(sorted, quantiles[k]);
      d = Math.max(d, Math.abs(atOrBelow / n - probabilities[k]));
      d = Math.max(d, Math.abs(below / n - probabilities[k]));
    }
    return d;
  }

  /**
   * The asymptotic KS critical value for {@code n} samples at false-failure rate {@code alpha}:
   * √(−ln(α/2)/2)/√n (Kolmogorov's limit distribution, first term).
   */
  public static double ksCritical(int n, double alpha) {
    return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
  }

  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The mean. */
  public static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  /** The (population) standard deviation. */
  public static double std(double[] xs) {
    double m = mean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / xs.length);
  }
}
