package dev.descent.lab;

import dev.descent.DescentException;
import dev.descent.lab.progress.Progress;
import java.nio.file.Path;

/**
 * How to run an experiment.
 *
 * @param seeds the number of repetitions, each with its own seed for data, weights and shuffles;
 *     0 for the experiment's default
 * @param seed the first seed; repetition i uses {@code seed + i}
 * @param quick whether to run a small version (fewer examples, epochs and seeds) that finishes in
 *     seconds, as the test suite does
 * @param dataDir where to find a dataset that is not generated (Fashion-MNIST), or {@code null}
 *     for its default location
 * @param updates an override of the number of updates, for experiments that count them
 *     ({@code initialization}), or {@code null}
 * @param progress where long runs report progress
 */
public record ExperimentOptions(int seeds, long seed, boolean quick, Path dataDir, Long updates, Progress progress) {

  public ExperimentOptions {
    if (seeds < 0) {
      throw new DescentException("--seeds must be ≥ 1, got " + seeds);
    }
    if (updates != null && updates < 1) {
      throw new DescentException("--updates must be ≥ 1, got " + updates);
    }
  }

  /** The defaults: the experiment's number of seeds from seed 0, full size, no progress output. */
  public static ExperimentOptions defaults() {
    return new ExperimentOptions(0, 0, false, null, null, Progress.none());
  }

  /** The quick version with no progress output, as the tests run it. */
  public static ExperimentOptions quickRun() {
    return new ExperimentOptions(0, 0, true, null, null, Progress.none());
  }

  /** These options with the data directory {@code dir}. */
  public ExperimentOptions withDataDir(Path dir) {
    return new ExperimentOptions(seeds, seed, quick, dir, updates, progress);
  }

  /** These options with {@code k} seeds. */
  public ExperimentOptions withSeeds(int k) {
    return new ExperimentOptions(k, seed, quick, dataDir, updates, progress);
  }

  /** The seeds to run: {@code seeds} of them (or {@code defaultCount}, halved to at least 2 when quick) from {@link #seed}. */
  public long[] seedList(int defaultCount) {
    int k = seeds > 0 ? seeds : quick ? Math.min(defaultCount, 2) : defaultCount;
    long[] list = new long[k];
    for (int i = 0; i < k; i++) {
      list[i] = seed + i;
    }
    return list;
  }

  /** The seeds for a report, such as {@code 5 (0…4)}. */
  public static String describe(long[] seeds) {
    return seeds.length + " (" + seeds[0] + (seeds.length > 1 ? "…" + seeds[seeds.length - 1] : "") + ")";
  }

  /** {@code full} normally, {@code small} when quick. */
  public int size(int full, int small) {
    return quick ? small : full;
  }
}
