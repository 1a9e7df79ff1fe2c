package dev.descent.initializers;

import dev.descent.spec.ParamType;

/**
 * Writes the spec that rebuilds a configured scheme, {@code name(key=value, ...)}, with numbers
 * written as {@link ParamType#DOUBLE} formats them, so {@code spec()} round-trips through the
 * registry. Stateless.
 */
public final class SpecFormat {
  private SpecFormat() {}

  /** {@code name(k1=v1, k2=v2, ...)} for alternating keys and values; {@code name} alone for none. */
  public static String of(String name, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    if (keysAndValues.length == 0) {
      return name;
    }
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      String text = v instanceof Double d ? ParamType.DOUBLE.format(d)
          : v instanceof Float f ? ParamType.DOUBLE.format(f.doubleValue())
          : v instanceof FanMode m ? m.label()
          : String.valueOf(v);
      b.append(i == 0 ? "" : ", ").append(keysAndValues[i]).append('=').append(text);
    }
    return b.append(')').toString();
  }

  /** A number as a spec writes it: {@code 2}, {@code 0.05}, {@code -1.5E-4}. */
  public static String number(double value) {
    return ParamType.DOUBLE.format(value);
  }
}
