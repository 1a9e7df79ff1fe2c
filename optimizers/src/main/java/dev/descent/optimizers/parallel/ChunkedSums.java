package dev.descent.optimizers.parallel;

import dev.descent.concurrent.RangeBody;

/**
 * Reductions over large arrays — Σxᵢ², Σ|xᵢ|ᵖ and max|xᵢ| — on every core, with a result that does
 * not depend on the number of threads: the array is cut into fixed chunks of {@link #CHUNK}
 * elements, each chunk is reduced in double in a fixed order (four interleaved accumulators for
 * sums), and the chunk results are combined in index order. Used by global-norm gradient clipping
 * and by LAMB's trust ratio.
 *
 * <p>Allocates only when an array has more chunks than any before. Not thread-safe: one instance
 * per owner.
 */
public final class ChunkedSums {
  /** The number of elements per chunk. */
  public static final int CHUNK = 1 << 14;

  private final Body body = new Body();
  private double[] partials = new double[16];

  /** Σ xᵢ² over {@code values}, accumulated in double. */
  public double sumOfSquares(float[] values) {
    return run(values, null, values.length, 2);
  }

  /** Σ xᵢ² over {@code values}. */
  public double sumOfSquares(double[] values) {
    return run(null, values, values.length, 2);
  }

  /** Σ |xᵢ|ᵖ over {@code values} for p &gt; 0, or max |xᵢ| for p = ∞, accumulated in double. */
  public double sumOfPowers(float[] values, double p) {
    return run(values, null, values.length, p);
  }

  /** Σ |xᵢ|ᵖ over {@code values} for p &gt; 0, or max |xᵢ| for p = ∞. */
  public double sumOfPowers(double[] values, double p) {
    return run(null, values, values.length, p);
  }

  private double run(float[] f, double[] d, int n, double p) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (partials.length < chunks) {
      partials = new double[Math.max(chunks, partials.length * 2)];
    }
    body.f = f;
    body.d = d;
    body.n = n;
    body.p = p;
    try {
      ParallelRanges.run(chunks, ParallelRanges.MIN_PARALLEL / CHUNK, 1, body);
    } finally {
      body.f = null;
      body.d = null;
    }
    double total = 0;
    for (int c = 0; c < chunks; c++) {
      total = p == Double.POSITIVE_INFINITY ? Math.max(total, partials[c]) : total + partials[c];
    }
    return total;
  }

  private final class Body implements RangeBody {
    float[] f;
    double[] d;
    int n;
    double p;

    @Override
    public void run(int fromChunk, int toChunk, int worker) {
      for (int c = fromChunk; c < toChunk; c++) {
        int from = c * CHUNK;
        int to = Math.min(n, from + CHUNK);
        if (p == 2) {
          partials[c] = f != null ? chunk(f, from, to) : chunk(d, from, to);
        } else {
          partials[c] = general(f, d, from, to, p);
        }
      }
    }
  }

  /** Σ|x|ᵖ (or max|x| for p = ∞) of one chunk, in index order. */
  private static double general(float[] f, double[] d, int from, int to, double p) {
    double acc = 0;
    boolean max = p == Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double a = Math.abs(f != null ? f[i] : d[i]);
      if (max) {
        acc = Math.max(acc, a);
      } else {
        acc += p == 1 ? a : Math.pow(a, p);
      }
    }
    return acc;
  }

  private static double chunk(float[] x, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      double a = x[i];
      double b = x[i + 1];
      double c = x[i + 2];
      double e = x[i + 3];
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += e * e;
    }
    for (; i < to; i++) {
      double a = x[i];
      s0 += a * a;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double chunk(double[] x, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += x[i] * x[i];
      s1 += x[i + 1] * x[i + 1];
      s2 += x[i + 2] * x[i + 2];
      s3 += x[i + 3] * x[i + 3];
    }
    for (; i < to; i++) {
      s0 += x[i] * x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
