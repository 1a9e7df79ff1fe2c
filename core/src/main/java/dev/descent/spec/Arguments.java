package dev.descent.spec;

import dev.descent.DescentException;
import java.util.Collections;
import java.util.Map;

/**
 * The validated, typed arguments of a spec, every declared parameter present (given or default).
 *
 * <p>Also the one place range checks live, so every provider words them the same way:
 * {@code "adam: parameter 'beta1' must be in [0, 1), got 1.5"}. Immutable and thread-safe.
 */
public final class Arguments {
  private final String owner;
  private final Map<String, Object> values;

  Arguments(String owner, Map<String, Object> values) {
    this.owner = owner;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Arguments for {@code owner} built directly from values, for programmatic use and tests. */
  public static Arguments of(String owner, Map<String, Object> values) {
    return new Arguments(owner, new java.util.LinkedHashMap<>(values));
  }

  /** The spec's name, used in messages. */
  public String owner() {
    return owner;
  }

  /** Every parameter's value by name. */
  public Map<String, Object> asMap() {
    return values;
  }

  public double getDouble(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public int getInt(String name) {
    return ((Number) get(name)).intValue();
  }

  public long getLong(String name) {
    return ((Number) get(name)).longValue();
  }

  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  public String getString(String name) {
    return (String) get(name);
  }

  public double[] getDoubles(String name) {
    return ((double[]) get(name)).clone();
  }

  public int[] getInts(String name) {
    return ((int[]) get(name)).clone();
  }

  private Object get(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(owner + " declares no parameter '" + name + "'");
    }
    return values.get(name);
  }

  /** Fails unless {@code value} is finite and at least {@code min}. */
  public static double atLeast(String owner, String param, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw rangeError(owner, param, value, "a finite number ≥ " + fmt(min));
    }
    return value;
  }

  /** Fails unless {@code value} is finite and strictly greater than {@code min}. */
  public static double greaterThan(String owner, String param, double value, double min) {
    if (!(value > min) || Double.isInfinite(value)) {
      throw rangeError(owner, param, value, "a finite number > " + fmt(min));
    }
    return value;
  }

  /** Fails unless {@code min ≤ value < max}. */
  public static double inHalfOpen(String owner, String param, double value, double min, double max) {
    if (!(value >= min && value < max)) {
      throw rangeError(owner, param, value, "in [" + fmt(min) + ", " + fmt(max) + ")");
    }
    return value;
  }

  /** Fails unless {@code min ≤ value ≤ max}. */
  public static double inClosed(String owner, String param, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw rangeError(owner, param, value, "in [" + fmt(min) + ", " + fmt(max) + "]");
    }
    return value;
  }

  /** Fails unless the integer {@code value} is at least {@code min}. */
  public static int atLeast(String owner, String param, int value, int min) {
    if (value < min) {
      throw new DescentException(
          String.format("%s: parameter '%s' must be an integer ≥ %d, got %d", owner, param, min, value));
    }
    return value;
  }

  /** Fails unless {@code value} is a finite number (any sign). */
  public static double finite(String owner, String param, double value) {
    if (!Double.isFinite(value)) {
      throw rangeError(owner, param, value, "a finite number");
    }
    return value;
  }

  /** A {@link DescentException} for a value outside its range. */
  public static DescentException rangeError(String owner, String param, double value, String allowed) {
    return new DescentException(
        String.format("%s: parameter '%s' must be %s, got %s", owner, param, allowed, fmt(value)));
  }

  private static String fmt(double d) {
    return ParamType.DOUBLE.format(d);
  }
}
