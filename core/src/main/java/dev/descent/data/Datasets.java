package dev.descent.data;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Synthetic classification data, generated in the project so no download is needed: circles,
 * moons, spirals, XOR and Gaussian blobs. Every generator draws from the generator it is given, so
 * a seed fixes the data, and returns the examples in random order. Binary sets have one 0/1 target
 * column; sets of k &gt; 2 classes have one column of class indices 0..k−1 (what cross-entropy and
 * the accuracy metric read). Stateless and thread-safe.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * Two concentric circles, as scikit-learn's {@code make_circles}: n/2 points on the unit circle
   * (label 0) and n/2 on a circle of radius {@code factor} (label 1), at equally spaced angles,
   * each coordinate perturbed by Gaussian noise of standard deviation {@code noise}, in random
   * order. The classes are balanced exactly (the outer circle takes the extra point when n is odd).
   */
  public static Dataset circles(int n, double noise, double factor, RandomGenerator random, DType dtype) {
    int outer = n - n / 2;
    int inner = n / 2;
    double[] xs = new double[2 * n];
    double[] ys = new double[n];
    int row = 0;
    for (int i = 0; i < outer; i++, row++) {
      double angle = 2 * Math.PI * i / outer;
      xs[2 * row] = Math.cos(angle);
      xs[2 * row + 1] = Math.sin(angle);
      ys[row] = 0;
    }
    for (int i = 0; i < inner; i++, row++) {
      double angle = 2 * Math.PI * i / inner;
      xs[2 * row] = factor * Math.cos(angle);
      xs[2 * row + 1] = factor * Math.sin(angle);
      ys[row] = 1;
    }
    for (int i = 0; i < xs.length; i++) {
      xs[i] += noise * random.nextGaussian();
    }
    Dataset ordered = new Dataset(Tensor.of(dtype, n, 2, xs), Tensor.of(dtype, n, 1, ys));
    return ordered.select(Shuffle.permutation(n, random));
  }

  /**
   * Two interleaving half circles, as scikit-learn's {@code make_moons}: n − n/2 points on the upper
   * half of the unit circle (label 0) and n/2 on a lower half circle centred at (1, 0.5) (label 1),
   * at equally spaced angles in [0, π], each coordinate perturbed by Gaussian noise of standard
   * deviation {@code noise}.
   */
  public static Dataset moons(int n, double noise, RandomGenerator random, DType dtype) {
    checkSize("moons", n, 2);
    checkNoise("moons", noise);
    int outer = n - n / 2;
    int inner = n / 2;
    double[] xs = new double[2 * n];
    double[] ys = new double[n];
    int row = 0;
    for (int i = 0; i < outer; i++, row++) {
      double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
      xs[2 * row] = Math.cos(t);
      xs[2 * row + 1] = Math.sin(t);
    }
    for (int i = 0; i < inner; i++, row++) {
      double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
      xs[2 * row] = 1 - Math.cos(t);
      xs[2 * row + 1] = 0.5 - Math.sin(t);
      ys[row] = 1;
    }
    return noisyShuffled(xs, ys, n, 2, noise, random, dtype);
  }

  /**
   * {@code classes} interleaved spiral arms (the CS231n "spiral" set): arm j holds about n/classes
   * points at radius r = i/(m − 1) and angle θ = (4j + 4r)·(classes ≥ 3 ? 1 : 1.5) radians plus
   * Gaussian noise of standard deviation {@code noise} on θ, at (r sin θ, r cos θ); label j.
   */
  public static Dataset spirals(int n, int classes, double noise, RandomGenerator random, DType dtype) {
    checkSize("spirals", n, classes);
    checkNoise("spirals", noise);
    if (classes < 2) {
      throw new dev.descent.DescentException("spirals: parameter 'classes' must be ≥ 2, got " + classes);
    }
    double[] xs = new double[2 * n];
    double[] ys = new double[n];
    double turn = classes >= 3 ? 1 : 1.5;
    int row = 0;
    for (int j = 0; j < classes; j++) {
      int m = n / classes + (j < n % classes ? 1 : 0);
      for (int i = 0; i < m; i++, row++) {
        double r = m == 1 ? 0 : (double) i / (m - 1);
        double theta = (4.0 * j + 4 * r) * turn + noise * random.nextGaussian();
        xs[2 * row] = r * Math.sin(theta);
        xs[2 * row + 1] = r * Math.cos(theta);
        ys[row] = j;
      }
    }
    return noisyShuffled(xs, ys, n, 2, 0, random, dtype);
  }

  /**
   * The XOR problem: n points uniform in [−1, 1]², label 1 when x and y have different signs (the
   * exclusive or of x &gt; 0 and y &gt; 0), then each coordinate perturbed by Gaussian noise of
   * standard deviation {@code noise} (labels keep the noise-free quadrant). No linear model
   * separates it.
   */
  public static Dataset xor(int n, double noise, RandomGenerator random, DType dtype) {
    checkSize("xor", n, 1);
    checkNoise("xor", noise);
    double[] xs = new double[2 * n];
    double[] ys = new double[n];
    for (int r = 0; r < n; r++) {
      double x = 2 * random.nextDouble() - 1;
      double y = 2 * random.nextDouble() - 1;
      xs[2 * r] = x;
      xs[2 * r + 1] = y;
      ys[r] = (x > 0) != (y > 0) ? 1 : 0;
    }
    return noisyShuffled(xs, ys, n, 2, noise, random, dtype);
  }

  /**
   * Isotropic Gaussian blobs, as scikit-learn's {@code make_blobs}: {@code centers} centres drawn
   * uniformly in [−{@code box}, {@code box}]^features, then about n/centers points around each
   * with standard deviation {@code std} per coordinate; the label is the centre's index.
   */
  public static Dataset blobs(int n, int features, int centers, double std, double box, RandomGenerator random, DType dtype) {
    checkSize("blobs", n, centers);
    checkNoise("blobs", std);
    if (features < 1 || centers < 2) {
      throw new dev.descent.DescentException(String.format(
          "blobs: needs features ≥ 1 and centers ≥ 2, got features=%d, centers=%d", features, centers));
    }
    double[][] c = new double[centers][features];
    for (double[] center : c) {
      for (int f = 0; f < features; f++) {
        center[f] = box * (2 * random.nextDouble() - 1);
      }
    }
    double[] xs = new double[n * features];
    double[] ys = new double[n];
    int row = 0;
    for (int j = 0; j < centers; j++) {
      int m = n / centers + (j < n % centers ? 1 : 0);
      for (int i = 0; i < m; i++, row++) {
        for (int f = 0; f < features; f++) {
          xs[row * features + f] = c[j][f];
        }
        ys[row] = j;
      }
    }
    return noisyShuffled(xs, ys, n, features, std, random, dtype);
  }

  private static Dataset noisyShuffled(double[] xs, double[] ys, int n, int features, double noise,
      RandomGenerator random, DType dtype) {
    if (noise > 0) {
      for (int i = 0; i < xs.length; i++) {
        xs[i] += noise * random.nextGaussian();
      }
    }
    Dataset ordered = new Dataset(Tensor.of(dtype, n, features, xs), Tensor.of(dtype, n, 1, ys));
    return ordered.select(Shuffle.permutation(n, random));
  }

  private static void checkSize(String name, int n, int atLeast) {
    if (n < atLeast) {
      throw new dev.descent.DescentException(String.format("%s: needs n ≥ %d examples, got %d", name, atLeast, n));
    }
  }

  private static void checkNoise(String name, double noise) {
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new dev.descent.DescentException(String.format("%s: the noise must be a finite number ≥ 0, got %s", name, noise));
    }
  }
}
