package dev.descent.random;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator with readable and restorable state: the algorithm and the outputs of
 * {@link java.util.SplittableRandom} created from the same seed (Steele, Lea and Flood, "Fast
 * Splittable Pseudorandom Number Generators", OOPSLA 2014), so a checkpoint can record where a run's
 * random stream stands and a resumed run continues it bit for bit.
 *
 * <p>State: one 64-bit counter s. Each draw advances s ← s + γ with γ = 0x9e3779b97f4a7c15 (the
 * golden gamma) and returns mix64(s) (Stafford's variant 13: s ⊕= s ≫ 30, s ×= 0xbf58476d1ce4e5b9,
 * s ⊕= s ≫ 27, s ×= 0x94d049bb133111eb, s ⊕= s ≫ 31) as a long, or mix32(s) as an int. Every other
 * draw (bounded integers, doubles, Gaussians) is derived from these by {@link RandomGenerator}'s
 * default algorithms, as {@code SplittableRandom} does; a test checks the streams agree.
 * Mutable, not thread-safe.
 */
public final class SplitMix64 implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  /** The generator {@code new SplittableRandom(seed)} would be. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The state s; {@link #setState} with this value reproduces every following draw. */
  public long state() {
    return state;
  }

  /** Reinstates a state taken by {@link #state()}. */
  public void setState(long state) {
    this.state = state;
  }

  @Override
  public long nextLong() {
    return mix64(state += GOLDEN_GAMMA);
  }

  @Override
  public int nextInt() {
    return mix32(state += GOLDEN_GAMMA);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static int mix32(long z) {
    z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
    return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
  }
}
