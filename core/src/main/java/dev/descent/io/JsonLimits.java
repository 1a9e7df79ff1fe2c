package dev.descent.io;

import dev.descent.DescentException;

/**
 * Limits that keep {@link Json#parse} bounded in time and memory on hostile input.
 *
 * <p>Every limit is checked before the corresponding memory is used: the text length before
 * parsing starts, the depth before a container is opened, a string's or number's length while it
 * is scanned, and the number of values as each one is read. Exceeding one is a
 * {@link JsonException} at the position where the limit was crossed.
 *
 * @param maxDepth the deepest nesting of arrays and objects (the root container is depth 1)
 * @param maxStringLength the longest string, object key or number, in characters
 * @param maxValues the most values in total: every object member and array element, and the root
 * @param maxTextLength the longest text, in characters
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxValues, int maxTextLength) {

  /**
   * Depth 64, strings of up to 16 Mi characters, one million values, texts of up to 100 million
   * characters (the header limit of the safetensors reference implementation).
   */
  public static final JsonLimits DEFAULT = new JsonLimits(64, 1 << 24, 1_000_000, 100_000_000);

  /** Validates that every limit is at least 1. */
  public JsonLimits {
    requirePositive("maxDepth", maxDepth);
    requirePositive("maxStringLength", maxStringLength);
    requirePositive("maxValues", maxValues);
    requirePositive("maxTextLength", maxTextLength);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new DescentException("JsonLimits." + name + " must be at least 1, got " + value);
    }
  }
}
