package dev.descent.optimizers;

import dev.descent.spec.ParamType;

/**
 * Writes the spec text {@code name(key=value, ...)} that rebuilds a configured plugin, with
 * numbers formatted as {@link ParamType#format} writes them (so the text parses back to the same
 * doubles). Not thread-safe; use one per spec.
 */
public final class SpecText {
  private final StringBuilder text;
  private boolean first = true;

  private SpecText(String name) {
    text = new StringBuilder(name).append('(');
  }

  /** Starts the spec of {@code name}. */
  public static SpecText of(String name) {
    return new SpecText(name);
  }

  /** Appends {@code key=value}. */
  public SpecText add(String key, double value) {
    return raw(key, ParamType.DOUBLE.format(value));
  }

  /** Appends {@code key=value}. */
  public SpecText add(String key, long value) {
    return raw(key, Long.toString(value));
  }

  /** Appends {@code key=value}. */
  public SpecText add(String key, boolean value) {
    return raw(key, Boolean.toString(value));
  }

  /** Appends {@code key=value} for a word such as a choice. */
  public SpecText add(String key, String word) {
    return raw(key, word);
  }

  /** Appends {@code key=[v1, v2, ...]}. */
  public SpecText add(String key, double[] values) {
    return raw(key, ParamType.DOUBLE_LIST.format(values));
  }

  /** Appends {@code key=[v1, v2, ...]}. */
  public SpecText add(String key, int[] values) {
    return raw(key, ParamType.INT_LIST.format(values));
  }

  private SpecText raw(String key, String value) {
    text.append(first ? "" : ", ").append(key).append('=').append(value);
    first = false;
    return this;
  }

  /** The finished spec. */
  @Override
  public String toString() {
    return first ? text.substring(0, text.length() - 1) : text + ")";
  }
}
