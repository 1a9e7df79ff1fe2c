package dev.descent.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a training run recorded: the objective after every update, and per epoch the mean training
 * loss and accuracy over that epoch's updates, the held-out loss and accuracy when a test set was
 * given, the number of updates so far and the wall time. Accuracy is NaN for regression losses,
 * test columns are NaN without a test set. Not thread-safe.
 */
public final class History {
  private final DoubleSeries updateLoss;
  private final DoubleSeries epochLoss;
  private final DoubleSeries epochAccuracy;
  private final DoubleSeries testLoss;
  private final DoubleSeries testAccuracy;
  private final DoubleSeries epochUpdates;
  private final DoubleSeries epochSeconds;
  private String stopReason = "";

  /** An empty history with room for {@code expectedUpdates} per-update losses. */
  public History(int expectedUpdates) {
    this(expectedUpdates, 16);
  }

  /**
   * An empty history with room for {@code expectedUpdates} per-update losses and {@code
   * expectedEpochs} values of each per-epoch column, so that a run of that length records without
   * growing a column (full-batch training ends an epoch at every update).
   */
  public History(int expectedUpdates, int expectedEpochs) {
    updateLoss = new DoubleSeries(expectedUpdates);
    epochLoss = new DoubleSeries(expectedEpochs);
    epochAccuracy = new DoubleSeries(expectedEpochs);
    testLoss = new DoubleSeries(expectedEpochs);
    testAccuracy = new DoubleSeries(expectedEpochs);
    epochUpdates = new DoubleSeries(expectedEpochs);
    epochSeconds = new DoubleSeries(expectedEpochs);
  }

  /**
   * Every recorded column as arrays, for checkpoints: one value per update in {@code updateLoss},
   * one per epoch in the others.
   */
  public record Data(double[] updateLoss, double[] epochLoss, double[] epochAccuracy, double[] testLoss,
      double[] testAccuracy, double[] epochUpdates, double[] epochSeconds, String stopReason) {

    /** Fails unless every per-epoch column has the same length. */
    public Data {
      int epochs = epochLoss.length;
      for (double[] column : new double[][] {epochAccuracy, testLoss, testAccuracy, epochUpdates, epochSeconds}) {
        if (column.length != epochs) {
          throw new dev.descent.DescentException(String.format(
              "history columns disagree: %d epoch losses but a column of %d values", epochs, column.length));
        }
      }
    }
  }

  /** A copy of everything recorded. */
  public Data data() {
    return new Data(updateLoss.toArray(), epochLoss.toArray(), epochAccuracy.toArray(), testLoss.toArray(),
        testAccuracy.toArray(), epochUpdates.toArray(), epochSeconds.toArray(), stopReason);
  }

  /** A history holding {@code data}, which can go on recording. */
  public static History of(Data data) {
    History h = new History(data.updateLoss().length + 1024);
    for (double v : data.updateLoss()) {
      h.updateLoss.add(v);
    }
    for (int e = 0; e < data.epochLoss().length; e++) {
      h.recordEpoch(data.epochLoss()[e], data.epochAccuracy()[e], data.testLoss()[e], data.testAccuracy()[e],
          (long) data.epochUpdates()[e], data.epochSeconds()[e]);
    }
    h.stopReason = data.stopReason();
    return h;
  }

  /** A copy that records independently of this one. */
  public History copy() {
    return of(data());
  }

  void recordUpdate(double loss) {
    updateLoss.add(loss);
  }

  void recordEpoch(double loss, double accuracy, double heldOutLoss, double heldOutAccuracy, long updates, double seconds) {
    epochLoss.add(loss);
    epochAccuracy.add(accuracy);
    testLoss.add(heldOutLoss);
    testAccuracy.add(heldOutAccuracy);
    epochUpdates.add(updates);
    epochSeconds.add(seconds);
  }

  void stopped(String reason) {
    stopReason = reason;
  }

  /** The objective of each update's batch, computed before the update was applied, in order. */
  public DoubleSeries updateLoss() {
    return updateLoss;
  }

  /** The mean training objective over each epoch's updates. */
  public DoubleSeries epochLoss() {
    return epochLoss;
  }

  /** The training accuracy over each epoch's batches (NaN for regression). */
  public DoubleSeries epochAccuracy() {
    return epochAccuracy;
  }

  /** The held-out loss after each epoch (NaN without a test set). */
  public DoubleSeries testLoss() {
    return testLoss;
  }

  /** The held-out accuracy after each epoch (NaN without a test set or for regression). */
  public DoubleSeries testAccuracy() {
    return testAccuracy;
  }

  /** Updates completed by the end of each epoch. */
  public DoubleSeries epochUpdates() {
    return epochUpdates;
  }

  /** Seconds since training started, at the end of each epoch. */
  public DoubleSeries epochSeconds() {
    return epochSeconds;
  }

  /** The number of completed epochs. */
  public int epochs() {
    return epochLoss.size();
  }

  /** The number of updates. */
  public int updates() {
    return updateLoss.size();
  }

  /** Why training stopped early, or the empty string when it ran to the end. */
  public String stopReason() {
    return stopReason;
  }

  /**
   * Writes one row per epoch with the header
   * {@code epoch,updates,seconds,loss,accuracy,test_loss,test_accuracy}.
   */
  public void writeCsv(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("epoch,updates,seconds,loss,accuracy,test_loss,test_accuracy\n");
      for (int e = 0; e < epochs(); e++) {
        w.write(String.format(java.util.Locale.ROOT, "%d,%d,%.6f,%s,%s,%s,%s\n", e + 1, (long) epochUpdates.get(e),
            epochSeconds.get(e), csv(epochLoss.get(e)), csv(epochAccuracy.get(e)), csv(testLoss.get(e)),
            csv(testAccuracy.get(e))));
      }
    }
  }

  private static String csv(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
