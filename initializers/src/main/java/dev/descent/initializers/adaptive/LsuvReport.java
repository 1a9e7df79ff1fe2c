package dev.descent.initializers.adaptive;

import com.google.common.collect.ImmutableList;

/**
 * What {@link Lsuv} did to each layer it rescaled: the variance of the layer's output on the data
 * batch before and after, and how many rescalings it took. Immutable and thread-safe.
 *
 * @param tolerance the tolerance each layer had to reach: |Var − 1| &lt; tolerance
 * @param layers one entry per rescaled layer, in order
 */
public record LsuvReport(double tolerance, ImmutableList<Layer> layers) {

  /**
   * One rescaled layer.
   *
   * @param index its index in the model's {@code layers()}
   * @param name its parameter prefix, such as {@code 0.weight}
   * @param initialVariance the output variance before any rescaling
   * @param finalVariance the output variance after the last rescaling
   * @param iterations how many times its weight was rescaled
   * @param converged whether |finalVariance − 1| &lt; tolerance
   */
  public record Layer(int index, String name, double initialVariance, double finalVariance, int iterations,
      boolean converged) {}

  /** Whether every layer reached the tolerance. */
  public boolean converged() {
    return layers.stream().allMatch(Layer::converged);
  }

  /** One line per layer. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("lsuv (tolerance ").append(tolerance).append(")\n");
    for (Layer l : layers) {
      b.append(String.format(java.util.Locale.ROOT, "  %-12s var %.4g -> %.4g in %d step(s)%s%n", l.name(),
          l.initialVariance(), l.finalVariance(), l.iterations(), l.converged() ? "" : "  NOT CONVERGED"));
    }
    return b.toString();
  }
}
