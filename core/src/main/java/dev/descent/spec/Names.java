package dev.descent.spec;

import java.util.Collection;

/**
 * Closest-name suggestions for unknown names, by optimal-string-alignment edit distance, or else by
 * a shared prefix.
 *
 * <p>Stateless and thread-safe.
 */
public final class Names {
  private Names() {}

  /**
   * The known name closest to {@code name} when it is within a third of the longer name's length
   * (at least two edits); otherwise the first known name (alphabetically) that starts with
   * {@code name} or that {@code name} starts with; otherwise {@code null}.
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
    if (bestDistance <= allowed) {
      return best;
    }
    for (String candidate : new java.util.TreeSet<>(known)) {
      if (!name.isEmpty() && (candidate.startsWith(name) || name.startsWith(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code " (did you mean 'x'?)"} for the closest known name, or the empty string. */
  public static String didYouMean(String name, Collection<String> known) {
    String best = closest(name, known);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /**
   * The optimal-string-alignment distance between two strings: the Levenshtein distance in which
   * swapping two adjacent characters also costs one edit, so {@code rleu} is one edit from
   * {@code relu}.
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
