package dev.descent.train;

import dev.descent.spec.Arguments;

/**
 * Stops when training has converged: the epoch loss changed by less than a relative tolerance over
 * the last k epochs, |L_e − L_(e−k)| ≤ tol·max(|L_(e−k)|, 1e-12). Stateless beyond the history it
 * reads.
 */
public final class Convergence implements TrainingCallback {
  private final double tolerance;
  private final int epochs;

  /**
   * @param tolerance the relative change below which the loss counts as converged, &gt; 0
   * @param epochs the window k, ≥ 1
   */
  public Convergence(double tolerance, int epochs) {
    this.tolerance = Arguments.greaterThan("convergence", "tolerance", tolerance, 0);
    this.epochs = Arguments.atLeast("convergence", "epochs", epochs, 1);
  }

  @Override
  public void onEpochEnd(TrainingProgress progress) {
    DoubleSeries loss = progress.history().epochLoss();
    int n = loss.size();
    if (n <= epochs) {
      return;
    }
    double then = loss.get(n - 1 - epochs);
    double now = loss.get(n - 1);
    if (Math.abs(now - then) <= tolerance * Math.max(Math.abs(then), 1e-12)) {
      progress.requestStop(String.format(java.util.Locale.ROOT, "converged: loss changed by less than %g (relative) over %d epochs", tolerance, epochs));
    }
  }
}
