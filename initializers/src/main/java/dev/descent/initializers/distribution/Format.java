package dev.descent.initializers.distribution;

import dev.descent.spec.ParamType;

/** Number formatting shared by the {@code describe()} methods. */
final class Format {
  private Format() {}

  /** A number as a spec writes it, with at most 6 significant digits. */
  static String num(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return ParamType.DOUBLE.format(x);
    }
    return String.format(java.util.Locale.ROOT, "%.6g", x).replaceFirst("\\.?0+(e|$)", "$1");
  }
}
