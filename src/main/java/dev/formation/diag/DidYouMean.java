package dev.formation.diag;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions by edit distance, ignoring case. */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate as a hint, or {@code null} when none is close enough to help. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String closest = closest(word, candidates);
    return closest == null ? null : "did you mean `" + closest + "`?";
  }

  public static String closest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty()) {
      return null;
    }
    String folded = word.toLowerCase(Locale.ROOT);
    // Short words get a small allowance so that "foo" does not suggest "web".
    LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, folded.length() / 3));
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(folded, candidate.toLowerCase(Locale.ROOT));
      if (d >= 0 && d < bestScore && d < folded.length()) {
        best = candidate;
        bestScore = d;
      }
    }
    return best;
  }
}
