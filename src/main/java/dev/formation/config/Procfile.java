package dev.formation.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Procfile: one {@code type: command} a line; blank lines and {@code #} comments skipped.
 */
public record Procfile(Map<String, String> commands) {
  private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.*)$");

  public Procfile {
    commands = Map.copyOf(commands);
  }

  public static Procfile parse(String text) {
    Map<String, String> commands = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(trimmed);
      if (m.matches()) {
        commands.putIfAbsent(m.group(1), m.group(2).strip());
      }
    }
    return new Procfile(commands);
  }

  public boolean has(String type) {
    return commands.containsKey(type);
  }
}
