package dev.descent.initializers.sampling;

/**
 * A small, fast generator of 64-bit random words: SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014), the algorithm behind {@link
 * java.util.SplittableRandom}, written out so that a fill loop inlines it completely.
 *
 * <p>Initializers never create one from a clock: a fill draws one seed from the caller's {@link
 * java.util.random.RandomGenerator} and derives one {@code Rng} per fixed-size chunk with {@link
 * #forChunk}, so the values depend only on that seed, never on how chunks are spread over threads.
 *
 * <p>Mutable and not thread-safe: one instance per chunk, used by one thread.
 */
public final class Rng {
  static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  /** The SplitMix64 counter; package-private so bulk loops can keep it in a register. */
  long state;

  /** A generator whose sequence is determined by {@code seed}. */
  public Rng(long seed) {
    this.state = seed;
  }

  /**
   * The generator of chunk {@code chunk} of a fill seeded with {@code seed}: its start state is a
   * strong 64-bit mix of both, so neighbouring chunks' sequences are unrelated.
   */
  public static Rng forChunk(long seed, long chunk) {
    return new Rng(mix64(seed ^ mix64((chunk + 1) * GOLDEN_GAMMA)));
  }

  /** The next 64 random bits. */
  public long nextLong() {
    return mix64(state += GOLDEN_GAMMA);
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** A uniform double in (0, 1], never zero, for logarithms. */
  public double nextDoubleOpenZero() {
    return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
  }

  /** A uniform integer in [0, bound), without modulo bias (Lemire 2019). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /**
   * Writes low + width·u into {@code out[from..to)}, u uniform in [0, 1) on 53 bits; the same
   * values as that many {@link #nextDouble} calls.
   */
  public void fillUniform(double[] out, int from, int to, double low, double width) {
    long s = state;
    for (int i = from; i < to; i++) {
      out[i] = low + width * ((mix64(s += GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT);
    }
    state = s;
  }

  /** A standard normal variate, from {@link Ziggurat}. */
  public double nextGaussian() {
    return Ziggurat.STANDARD.next(this);
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer, as in SplitMix64. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
