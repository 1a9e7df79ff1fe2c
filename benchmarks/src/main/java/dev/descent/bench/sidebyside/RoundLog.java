package dev.descent.bench.sidebyside;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every timed round of every measure, side by side, for the lines under the table: the table keeps
 * each side's best round, and a slow spell of the machine (on the development machine, seconds at a
 * third of the speed) shows only here, as one round far from the others.
 */
final class RoundLog {
  private final Map<String, Map<String, List<Double>>> rounds = new LinkedHashMap<>();

  /** Records one round of {@code measure} on {@code side}; NaN (a side that did not run) is left out. */
  void add(String measure, String side, double value) {
    if (!Double.isNaN(value)) {
      rounds.computeIfAbsent(measure, m -> new LinkedHashMap<>()).computeIfAbsent(side, s -> new ArrayList<>())
          .add(value);
    }
  }

  /** One line per measure: {@code measure: Descent 0.150 0.149 | NumPy 1.02 0.99}, in the order recorded. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    rounds.forEach((measure, sides) -> lines.add(measure + ": " + sides.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().stream().map(Comparison::number).collect(Collectors.joining(" ")))
        .collect(Collectors.joining(" | "))));
    return lines;
  }
}
