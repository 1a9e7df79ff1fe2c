package dev.descent.optimizers.surface;

/**
 * A known stationary point of a {@link TestSurface}: where the gradient vanishes, and what kind of
 * point it is.
 *
 * @param x the first coordinate
 * @param y the second coordinate
 * @param kind a minimum (global or local), a saddle or a maximum
 */
public record CriticalPoint(double x, double y, Kind kind) {

  /** The kind of stationary point. */
  public enum Kind {
    /** The lowest value of the surface. */
    GLOBAL_MINIMUM,
    /** A minimum that is not the lowest. */
    LOCAL_MINIMUM,
    /** Neither a minimum nor a maximum. */
    SADDLE,
    /** A maximum. */
    MAXIMUM
  }

  /** A global minimum at (x, y). */
  public static CriticalPoint minimum(double x, double y) {
    return new CriticalPoint(x, y, Kind.GLOBAL_MINIMUM);
  }

  /** A saddle at (x, y). */
  public static CriticalPoint saddle(double x, double y) {
    return new CriticalPoint(x, y, Kind.SADDLE);
  }
}
