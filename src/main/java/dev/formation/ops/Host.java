package dev.formation.ops;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an operation may know of the world outside its request: the environment variables (tokens,
 * {@code HEROKU_HOST}, {@code FORMATION_HOME}), the home folder ({@code ~/.netrc}) and where to
 * tell its progress. Tests build their own, so no test reads the real environment.
 */
public record Host(Map<String, String> env, Path home, Listener listener) {
  public Host {
    env = Map.copyOf(env);
  }
}
