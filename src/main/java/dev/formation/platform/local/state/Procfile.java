package dev.formation.platform.local.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an app's Procfile: {@code type: command} lines, the app's "release". The daemon reads it
 * when it registers an app; the local adapter reads it to check that it still holds what a plan
 * showed. It refuses what {@code formation validate} refuses (a file over 64 KiB or not UTF-8, a
 * line that is no {@code type: command}, a type without a command or declared twice, lines split at
 * {@code \n} or {@code \r\n} only), so that the daemon never registers a Procfile that a config
 * naming it would not pass: {@code ProcfileParityTest} holds the two to the same answers.
 */
public final class Procfile {
  private static final Pattern LINE = Pattern.compile("^([-\\w]{1,128})\\s*:\\s*(.+)$");

  /** A Procfile longer than this is not a Procfile: refused unread, as {@code validate} does. */
  public static final long MAX_BYTES = 64 * 1024;

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
      if (Files.size(file) > MAX_BYTES) {
        throw new Unreadable("The Procfile in " + dir + " is over 64 KiB.");
      }
      // as validate splits it: a lone \r is part of its line, not the end of one
      String[] lines = Files.readString(file).split("\r?\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
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
