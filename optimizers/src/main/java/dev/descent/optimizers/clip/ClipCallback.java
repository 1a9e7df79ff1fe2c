package dev.descent.optimizers.clip;

import dev.descent.train.TrainingCallback;
import dev.descent.train.TrainingProgress;

/**
 * Clips the model's gradients after they are computed and before the optimizer steps
 * ({@link TrainingCallback#beforeStep}). Register it after callbacks that read raw gradients and
 * before any that should see clipped ones. {@link #lastNorm()} is the value the clipper returned
 * for the latest update (the global norm before clipping, for norm clipping). Not thread-safe.
 */
public final class ClipCallback implements TrainingCallback {
  private final GradientClipper clipper;
  private double lastNorm = Double.NaN;

  /** A callback applying {@code clipper} before every update. */
  public ClipCallback(GradientClipper clipper) {
    this.clipper = clipper;
  }

  /** The clipper. */
  public GradientClipper clipper() {
    return clipper;
  }

  /** What the clipper returned for the latest update, NaN before the first. */
  public double lastNorm() {
    return lastNorm;
  }

  @Override
  public void beforeStep(TrainingProgress progress) {
    lastNorm = clipper.clip(progress.model().parameters());
  }
}
