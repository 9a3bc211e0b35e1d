package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an app's Procfile: {@code type: command} lines, the app's "release". The daemon reads it
 * when it registers an app; the local adapter reads it to check that it still holds what a plan
 * showed.
 */
public final class Procfile {
  private static final Pattern LINE = Pattern.compile("^([-\\w]{1,128})\\s*:\\s*(.+)$");

  private Procfile() {}

  /** A Procfile that is missing, cannot be read, or is not {@code type: command} lines. */
  public static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  /** The process types and their commands, in file order. */
  public static Map<String, String> read(Path dir) throws Unreadable {
    Path file = dir.resolve("Procfile");
    if (!Files.isRegularFile(file)) {
      throw new Unreadable("No Procfile in " + dir + ".");
    }
    Map<String, String> types = new LinkedHashMap<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
          throw new Unreadable("Procfile line is not `type: command`: " + line);
        }
        // as `formation validate` refuses it: which of the two lines would run is a guess
        if (types.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
          throw new Unreadable(
              "Procfile line " + (i + 1) + ": `" + m.group(1) + "` is declared twice");
        }
      }
    } catch (IOException e) {
      throw new Unreadable("Cannot read " + file + ": " + e.getMessage());
    }
    if (types.isEmpty()) {
      throw new Unreadable("The Procfile in " + dir + " declares no process type.");
    }
    return types;
  }
}
