package dev.formation.platform.local.state;

import java.util.List;

/**
 * Lines of one app's log, and the offset in its file to read on from.
 *
 * @param next the byte offset after the last line given
 */
public record LogPage(String app, List<String> lines, long next) {
  public LogPage {
    if (!AppNames.valid(app)) {
      throw new IllegalArgumentException("not an app name: " + app);
    }
    if (next < 0) {
      throw new IllegalArgumentException("a log offset is not negative: " + next);
    }
    lines = List.copyOf(lines);
  }
}
