package dev.descent.optim;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A snapshot of an optimizer's state as named arrays of doubles: per-parameter buffers under
 * {@code "<parameter>/<buffer>"} (such as {@code 0.weight/exp_avg}) and counters under plain names
 * (such as {@code step}). Float32 buffers are widened exactly, so restoring reproduces them bit
 * for bit. Immutable: arrays are copied in and out.
 */
public final class OptimizerState {
  private final ImmutableMap<String, double[]> entries;

  /** A snapshot of {@code entries} (copied). */
  public OptimizerState(Map<String, double[]> entries) {
    ImmutableMap.Builder<String, double[]> b = ImmutableMap.builder();
    entries.forEach((k, v) -> b.put(k, v.clone()));
    this.entries = b.buildOrThrow();
  }

  /** The names of the entries. */
  public java.util.Set<String> names() {
    return entries.keySet();
  }

  /** A copy of entry {@code name}, or {@code null} when absent. */
  public double[] get(String name) {
    double[] v = entries.get(name);
    return v == null ? null : v.clone();
  }

  /** Whether every entry of both snapshots holds the same bits. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OptimizerState s) || !s.entries.keySet().equals(entries.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : entries.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), s.entries.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return entries.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "OptimizerState" + entries.keySet();
  }
}
