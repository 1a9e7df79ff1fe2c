package dev.descent.data;

import dev.descent.tensor.DType;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A CSV file made ready for training in one call: the label and feature columns chosen by name
 * ({@link CsvReader}), a shuffled train/test split ({@link Dataset#split}), and standardization
 * fitted on the training part only and applied to both ({@link Standardizer}), so no statistic
 * of the test set leaks into training.
 *
 * @param train the training examples
 * @param test the held-out examples, or {@code null} when no split was asked for
 * @param featureNames the feature columns, in order
 * @param labelName the label column
 * @param standardizer the fitted standardizer, or {@code null} when not standardizing
 */
public record TabularSplit(Dataset train, Dataset test, List<String> featureNames, String labelName,
    Standardizer standardizer) {

  /**
   * How to read the file.
   *
   * @param label the label column ({@code null}: the last)
   * @param features the feature columns ({@code null}: all but the label)
   * @param standardize whether to standardize features with training-set statistics
   * @param testFraction the fraction held out for testing, in (0, 1), or 0 for no split
   * @param seed the seed of the split's shuffle
   */
  public record Options(String label, List<String> features, boolean standardize, double testFraction, long seed) {
    public Options {
      if (testFraction != 0 && !(testFraction > 0 && testFraction < 1)) {
        throw new dev.descent.DescentException("test fraction must be 0 (no split) or in (0, 1), got " + testFraction);
      }
      features = features == null ? null : List.copyOf(features);
    }

    /** Every column but the last as features, the last as label, standardized, 20% held out. */
    public static Options defaults(long seed) {
      return new Options(null, null, true, 0.2, seed);
    }
  }

  /** Reads {@code file} as {@code options} say. */
  public static TabularSplit load(Path file, Options options, DType dtype) {
    CsvReader.Table table = CsvReader.read(file, options.label(), options.features(), dtype);
    Dataset all = table.dataset();
    Dataset train = all;
    Dataset test = null;
    if (options.testFraction() > 0) {
      Dataset.Split split = all.split(options.testFraction(), new SplittableRandom(options.seed()));
      train = split.train();
      test = split.test();
    }
    Standardizer standardizer = null;
    if (options.standardize()) {
      standardizer = Standardizer.fit(train.features());
      train = standardizer.apply(train);
      test = test == null ? null : standardizer.apply(test);
    }
    return new TabularSplit(train, test, table.featureNames(), table.labelName(), standardizer);
  }
}
