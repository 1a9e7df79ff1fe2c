package dev.descent.initializers.distribution;

import java.util.List;

/**
 * The distribution of one element of an initialized tensor, as its scheme predicts it: its moments
 * and support, for {@code descent init} to print next to the measured ones, and its density and
 * distribution function, for drawing the predicted curve over a histogram and for
 * goodness-of-fit tests.
 *
 * <p>A distribution may have atoms (values taken with positive probability, such as the zeros of
 * {@code sparse} or the diagonal of {@code identity}); {@link #density} is then the density of the
 * continuous part only, weighted by its probability, so the atoms' probabilities plus the density's
 * integral make one. Implementations are immutable records and thread-safe.
 */
public interface Distribution {

  /** The expected value E[X]. */
  double mean();

  /** The standard deviation √Var[X]. */
  double std();

  /** The variance Var[X]. */
  default double variance() {
    double s = std();
    return s * s;
  }

  /** The smallest value it can take ({@code -∞} when unbounded). */
  double min();

  /** The largest value it can take ({@code +∞} when unbounded). */
  double max();

  /** The density of the continuous part at {@code x} (0 outside the support and for pure atoms). */
  double density(double x);

  /** P(X ≤ x). */
  double cdf(double x);

  /** The values taken with positive probability, with their probabilities; empty when continuous. */
  default List<Atom> atoms() {
    return List.of();
  }

  /** A short human-readable form with its parameters, such as {@code N(0, 0.05²)}. */
  String describe();

  /**
   * A value taken with positive probability.
   *
   * @param value the value
   * @param probability its probability, in (0, 1]
   */
  record Atom(double value, double probability) {}
}
