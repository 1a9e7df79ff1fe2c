package dev.descent.data;

import dev.descent.tensor.DType;
import dev.descent.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Synthetic two-dimensional classification data, generated in the project so no download is
 * needed. Every generator draws from the generator it is given, so a seed fixes the data.
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
}
