package dev.formation.platform.local.daemon.api;

import dev.formation.platform.local.state.LogFiles;
import dev.formation.platform.local.state.LogPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /local/logs}: the apps' log lines, by pages, for {@code formation local logs}. Without
 * {@code since}, each app's last {@code lines} lines (100); with {@code since=APP:OFFSET,...}, what
 * each app's log gained after its offset (an app not named there from its start). {@code app} keeps
 * to one app. Each page says the offset to ask from next: {@code {"logs": [{"app", "lines",
 * "next"}]}}.
 */
final class LogsView {
  private LogsView() {}

  static JsonNode json(LogFiles files, Map<String, List<String>> query) {
    String app = one(query, "app");
    int lines = lines(one(query, "lines"));
    String since = one(query, "since");
    List<LogPage> pages;
    try {
      pages = files.read(app, lines, since == null ? null : offsets(since));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("Not an app name: " + app + ".");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode out = Wire.object();
    ArrayNode logs = out.putArray("logs");
    for (LogPage p : pages) {
      ObjectNode page = logs.addObject().put("app", p.app());
      p.lines().forEach(page.putArray("lines")::add);
      page.put("next", p.next());
    }
    return out;
  }

  /** {@code since=demo:120,shop:0} as app → offset. */
  static Map<String, Long> offsets(String since) {
    Map<String, Long> offsets = new LinkedHashMap<>();
    for (String entry : since.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.lastIndexOf(':');
      try {
        long offset = Long.parseLong(entry.substring(colon + 1));
        if (colon <= 0 || offset < 0) {
          throw new NumberFormatException(entry);
        }
        offsets.put(entry.substring(0, colon), offset);
      } catch (NumberFormatException e) {
        throw ApiError.invalid("since must be APP:OFFSET,... with offsets of 0 and more: " + since);
      }
    }
    return offsets;
  }

  private static int lines(String value) {
    if (value == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiError.invalid("lines must be a number of 0 and more: " + value);
  }

  private static String one(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }
}
