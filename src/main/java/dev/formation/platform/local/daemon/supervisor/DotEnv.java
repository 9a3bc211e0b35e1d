package dev.formation.platform.local.daemon.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an app's {@code .env} file ({@code KEY=value} lines), as {@code heroku local} does. */
public final class DotEnv {
  private DotEnv() {}

  public static Map<String, String> read(Path dir) {
    Map<String, String> vars = new LinkedHashMap<>();
    Path file = dir.resolve(".env");
    if (!Files.isRegularFile(file)) {
      return vars;
    }
    try {
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.startsWith("export ")) {
          line = line.substring(7).strip();
        }
        int eq = line.indexOf('=');
        if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
          continue;
        }
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        vars.put(line.substring(0, eq).strip(), value);
      }
    } catch (IOException e) {
      // an unreadable .env is reported by the dyno failing, not by the daemon
    }
    return vars;
  }
}
