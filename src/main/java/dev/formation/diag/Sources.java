package dev.formation.diag;

import java.util.LinkedHashMap;
import java.util.Map;

/** The text of every source file read in one run, so renderers can quote the offending line. */
public final class Sources {
  private final Map<String, String[]> lines = new LinkedHashMap<>();

  public void put(String file, String text) {
    lines.put(file, text.split("\r?\n", -1));
  }

  /** Adds every file of {@code other} (a file read twice keeps the later text). */
  public Sources addAll(Sources other) {
    lines.putAll(other.lines);
    return this;
  }

  /**
   * The 1-based line of a file, or {@code null} when the file or line is unknown; a password in a
   * URL on it is masked ({@link Credentials}), so no quoted line shows one.
   */
  public String line(String file, int line) {
    String[] all = lines.get(file);
    if (all == null || line < 1 || line > all.length) {
      return null;
    }
    return Credentials.mask(all[line - 1]);
  }
}
