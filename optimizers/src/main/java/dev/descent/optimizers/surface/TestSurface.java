package dev.descent.optimizers.surface;

import java.util.List;

/**
 * A two-dimensional function f(x, y) with a known landscape, for watching optimizers move: its
 * value, its gradient, its known stationary points, a window worth plotting and a customary start.
 * Built from specs such as {@code rosenbrock} or {@code quadratic(a=1, b=50)} by {@link Surfaces}.
 * Implementations are immutable and thread-safe.
 */
public interface TestSurface {

  /** The spec that rebuilds this surface. */
  String spec();

  /** f(x, y). */
  double value(double x, double y);

  /** Writes (∂f/∂x, ∂f/∂y) into {@code out[0]}, {@code out[1]}. */
  void gradient(double x, double y, double[] out);

  /** The known stationary points (minima first). */
  List<CriticalPoint> criticalPoints();

  /** The plotting window {x_min, x_max, y_min, y_max}. */
  double[] window();

  /** A customary starting point {x, y}. */
  double[] start();
}
