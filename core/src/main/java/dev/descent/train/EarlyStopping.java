package dev.descent.train;

import dev.descent.spec.Arguments;

/**
 * Stops when the monitored epoch value ({@code loss} or {@code test_loss}) has not improved on its
 * best by more than {@code minDelta} for {@code patience} epochs (Keras's {@code EarlyStopping}).
 * Mutable, one per run.
 */
public final class EarlyStopping implements TrainingCallback {
  private final boolean monitorTest;
  private final int patience;
  private final double minDelta;
  private double best = Double.POSITIVE_INFINITY;
  private int waited;

  /**
   * @param monitor {@code loss} or {@code test_loss}
   * @param patience epochs without improvement before stopping, ≥ 1
   * @param minDelta the smallest decrease that counts as an improvement, ≥ 0
   */
  public EarlyStopping(String monitor, int patience, double minDelta) {
    if (!monitor.equals("loss") && !monitor.equals("test_loss")) {
      throw new dev.descent.DescentException(
          "early_stopping: parameter 'monitor' must be one of loss, test_loss, got '" + monitor + "'");
    }
    this.monitorTest = monitor.equals("test_loss");
    this.patience = Arguments.atLeast("early_stopping", "patience", patience, 1);
    this.minDelta = Arguments.atLeast("early_stopping", "min_delta", minDelta, 0);
  }

  @Override
  public java.util.Map<String, double[]> state() {
    return java.util.Map.of("best", new double[] {best}, "waited", new double[] {waited});
  }

  @Override
  public void restore(java.util.Map<String, double[]> state) {
    best = TrainingState.scalar(state, "best", "early_stopping");
    waited = (int) TrainingState.scalar(state, "waited", "early_stopping");
  }

  @Override
  public void onEpochEnd(TrainingProgress progress) {
    double value = monitorTest ? progress.history().testLoss().last() : progress.history().epochLoss().last();
    if (monitorTest && Double.isNaN(value)) {
      throw new dev.descent.DescentException("early_stopping: monitor 'test_loss' needs a test set; give one or monitor 'loss'");
    }
    if (value < best - minDelta) {
      best = value;
      waited = 0;
    } else if (++waited >= patience) {
      progress.requestStop(String.format("early stopping: no improvement of %s for %d epochs",
          monitorTest ? "test_loss" : "loss", patience));
    }
  }
}
