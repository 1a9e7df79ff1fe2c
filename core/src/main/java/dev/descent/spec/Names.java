package dev.descent.spec;

import java.util.Collection;

/**
 * Closest-name suggestions for unknown names, by Levenshtein edit distance.
 *
 * <p>Stateless and thread-safe.
 */
public final class Names {
  private Names() {}

  /**
   * The known name closest to {@code name}, or {@code null} when none is within a third of the
   * longer name's length (at least two edits).
   */
  public static String closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best == null) {
      return null;
    }
    int allowed = Math.max(2, Math.max(name.length(), best.length()) / 3);
    return bestDistance <= allowed || best.startsWith(name) || name.startsWith(best) ? best : null;
  }

  /** {@code " (did you mean 'x'?)"} for the closest known name, or the empty string. */
  public static String didYouMean(String name, Collection<String> known) {
    String best = closest(name, known);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** The Levenshtein distance between two strings. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
