package dev.formation.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an app's Procfile: {@code type: command} lines, the app's "release". */
final class Procfile {
  private static final Pattern LINE = Pattern.compile("^([-\\w]{1,128})\\s*:\\s*(.+)$");

  private Procfile() {}

  /** The process types and their commands, in file order. */
  static Map<String, String> read(Path dir) {
    Path file = dir.resolve("Procfile");
    if (!Files.isRegularFile(file)) {
      throw ApiError.invalid("No Procfile in " + dir + ".");
    }
    Map<String, String> types = new LinkedHashMap<>();
    try {
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
          throw ApiError.invalid("Procfile line is not `type: command`: " + line);
        }
        types.put(m.group(1), m.group(2).strip());
      }
    } catch (IOException e) {
      throw ApiError.invalid("Cannot read " + file + ": " + e.getMessage());
    }
    if (types.isEmpty()) {
      throw ApiError.invalid("The Procfile in " + dir + " declares no process type.");
    }
    return types;
  }
}
