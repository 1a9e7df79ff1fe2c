package dev.descent.tensor;

/**
 * The element type of a tensor. {@link #FLOAT32} is the training default; {@link #FLOAT64} exists
 * because a gradient check is only meaningful in double precision and reference values from other
 * frameworks are float64.
 */
public enum DType {
  /** IEEE 754 single precision, stored in a {@code float[]}. */
  FLOAT32,
  /** IEEE 754 double precision, stored in a {@code double[]}. */
  FLOAT64;

  /** The lower-case name used on the command line: {@code float32} or {@code float64}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@code float32}/{@code float64} (also {@code f32}, {@code double}, ...). */
  public static DType parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "float32", "f32", "float" -> FLOAT32;
      case "float64", "f64", "double" -> FLOAT64;
      default -> throw new dev.descent.DescentException(
          "unknown dtype '" + text + "'; known dtypes: float32, float64");
    };
  }
}
