package dev.formation.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Procfile: one {@code type: command} a line; blank lines and {@code #} comments skipped.
 * What the local platform would refuse to register (a line that is no {@code type: command}, a type
 * without a command, a type written twice) is kept as a problem, so that validation refuses it
 * before a plan shows a registration that apply could not make.
 *
 * @param commands type → command in file order (the first line of a type written twice)
 * @param problems one phrase per refused line: {@code line 4: `web` is declared twice}
 */
public record Procfile(Map<String, String> commands, List<String> problems) {
  private static final Pattern LINE = Pattern.compile("^([-\\w]{1,128})\\s*:\\s*(.*)$");

  public Procfile {
    commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
    problems = List.copyOf(problems);
  }

  public static Procfile parse(String text) {
    Map<String, String> commands = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(trimmed);
      String where = "line " + (i + 1) + ": ";
      if (!m.matches()) {
        problems.add(where + "not a `type: command` line");
      } else if (m.group(2).isBlank()) {
        problems.add(where + "`" + m.group(1) + "` has no command");
      } else if (commands.containsKey(m.group(1))) {
        problems.add(where + "`" + m.group(1) + "` is declared twice");
      } else {
        commands.put(m.group(1), m.group(2).strip());
      }
    }
    return new Procfile(commands, problems);
  }

  public boolean has(String type) {
    return commands.containsKey(type);
  }
}
