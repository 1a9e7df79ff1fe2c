package dev.descent.data;

import java.util.random.RandomGenerator;

/**
 * Fisher–Yates shuffling of index arrays, drawing from a caller-given generator so a seed fixes
 * the order. Stateless.
 */
public final class Shuffle {
  private Shuffle() {}

  /** Shuffles {@code indices} in place, uniformly over all orders. */
  public static void shuffle(int[] indices, RandomGenerator random) {
    for (int i = indices.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = indices[i];
      indices[i] = indices[j];
      indices[j] = t;
    }
  }

  /** The identity permutation 0, …, n − 1. */
  public static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /** A uniformly random permutation of 0, …, n − 1. */
  public static int[] permutation(int n, RandomGenerator random) {
    int[] p = identity(n);
    shuffle(p, random);
    return p;
  }
}
