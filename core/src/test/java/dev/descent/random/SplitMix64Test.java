package dev.descent.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SplitMix64 must draw exactly what java.util.SplittableRandom draws from the same seed. */
class SplitMix64Test {

  @Test
  void everyKindOfDrawMatchesSplittableRandom() {
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      SplittableRandom reference = new SplittableRandom(seed);
      SplitMix64 ours = new SplitMix64(seed);
      for (int i = 0; i < 2_000; i++) {
        switch (i % 9) {
          case 0 -> assertEquals(reference.nextLong(), ours.nextLong());
          case 1 -> assertEquals(reference.nextInt(), ours.nextInt());
          case 2 -> assertEquals(reference.nextInt(1 + i), ours.nextInt(1 + i));
          case 3 -> assertEquals(reference.nextInt(-5, 1000 * i + 3), ours.nextInt(-5, 1000 * i + 3));
          case 4 -> assertEquals(reference.nextDouble(), ours.nextDouble());
          case 5 -> assertEquals(reference.nextGaussian(), ours.nextGaussian());
          case 6 -> assertEquals(reference.nextLong(1L << 40 | i), ours.nextLong(1L << 40 | i));
          case 7 -> assertEquals(reference.nextFloat(), ours.nextFloat());
          default -> assertEquals(reference.nextBoolean(), ours.nextBoolean());
        }
      }
    }
  }

  @Test
  void restoredStateRepeatsTheStream() {
    SplitMix64 random = new SplitMix64(3);
    for (int i = 0; i < 10; i++) {
      random.nextGaussian();
    }
    long saved = random.state();
    double[] first = {random.nextDouble(), random.nextGaussian(), random.nextInt(17)};
    random.setState(saved);
    double[] again = {random.nextDouble(), random.nextGaussian(), random.nextInt(17)};
    for (int i = 0; i < first.length; i++) {
      assertEquals(first[i], again[i]);
    }
  }
}
