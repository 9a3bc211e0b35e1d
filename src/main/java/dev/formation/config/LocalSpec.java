package dev.formation.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a local app's code lives, the port its router listens on, and what its Procfile declares.
 *
 * @param dir the folder holding the Procfile, resolved against the config file, absolute
 * @param procfile the Procfile's process types and commands in file order, as read when the config
 *     was loaded: what the app's registration will hold once applied
 */
public record LocalSpec(Path dir, int port, Map<String, String> procfile) {
  public LocalSpec {
    procfile = Collections.unmodifiableMap(new LinkedHashMap<>(procfile));
  }
}
