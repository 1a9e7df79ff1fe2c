package dev.descent.check;

/**
 * What {@link TrainingDiagnostics} measured for one layer at one epoch. A "layer" is a dense layer
 * together with the activation that follows it; its activations are that activation's outputs on
 * the probe batch.
 *
 * @param epoch the epoch, 0 for the initial weights (activations before any update, gradient and
 *     update ratio of the first update)
 * @param layer the layer's number, counting dense layers from 1
 * @param name a short description, such as {@code dense 64 → relu}
 * @param units the layer's width
 * @param activationMean the mean of the activations over the probe batch and the units
 * @param activationStd their (population) standard deviation
 * @param deadFraction the fraction of units whose activation is exactly 0 for every probe example
 *     (dead relu units)
 * @param saturatedFraction the fraction of activations in the flat tails of a sigmoid (y &lt; 0.01
 *     or y &gt; 0.99) or tanh (|y| &gt; 0.99), where the derivative is under 4% of its peak; 0 for
 *     other activations
 * @param gradientNorm the Frobenius norm ‖∂J/∂W‖ of the weight gradient, averaged over the epoch's
 *     updates
 * @param updateRatio ‖ΔW‖ / ‖W‖, the size of one update relative to the weights, averaged over the
 *     epoch's updates (around 1e-3 is the usual healthy value, CS231n)
 */
public record LayerStatistics(int epoch, int layer, String name, int units, double activationMean, double activationStd,
    double deadFraction, double saturatedFraction, double gradientNorm, double updateRatio) {

  /** The CSV header matching {@link #csvRow()}. */
  public static final String CSV_HEADER =
      "epoch,layer,name,units,activation_mean,activation_std,dead_fraction,saturated_fraction,gradient_norm,update_ratio";

  /** This row as CSV, matching {@link #CSV_HEADER}. */
  public String csvRow() {
    return String.format(java.util.Locale.ROOT, "%d,%d,%s,%d,%s,%s,%s,%s,%s,%s", epoch, layer, name.replace(',', ';'), units,
        activationMean, activationStd, deadFraction, saturatedFraction, gradientNorm, updateRatio);
  }
}
