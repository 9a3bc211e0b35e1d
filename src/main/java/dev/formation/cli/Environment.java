package dev.formation.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may know of the world outside its arguments: the working directory, the
 * environment variables, the home folder and the terminal. Tests build their own, so no test reads
 * the real environment or waits on a real terminal.
 */
public record Environment(Path workingDir, Map<String, String> env, Path home, Terminal terminal) {
  public Environment {
    workingDir = workingDir.toAbsolutePath();
    env = Map.copyOf(env);
  }

  /** The process's own environment. */
  public static Environment system() {
    return system(Path.of("").toAbsolutePath());
  }

  /** The process's own environment with another working directory. */
  public static Environment system(Path workingDir) {
    Map<String, String> env = System.getenv();
    return new Environment(
        workingDir, env, home(env, System.getProperty("user.home")), Terminal.system());
  }

  /**
   * The home folder as the Heroku CLI and other tools see it: {@code HOME} when set, else the JVM's
   * {@code user.home} (which on Linux comes from the password database and ignores {@code HOME}, so
   * {@code HOME=/tmp/x formation plan} would read another {@code ~/.netrc}).
   */
  static Path home(Map<String, String> env, String userHome) {
    String home = env.get("HOME");
    return Path.of(home == null || home.isBlank() ? userHome : home);
  }

  /** Whether colour may be used: a terminal, and no {@code NO_COLOR}. */
  public boolean colour() {
    return terminal.interactive() && !env.containsKey("NO_COLOR");
  }

  /** A terminal to ask the user a question on, if there is one. */
  public interface Terminal {
    /** True when a person can answer a prompt. */
    boolean interactive();

    /** Shows {@code prompt} and returns the line typed, or {@code null} at end of input. */
    String readLine(String prompt);

    /** The process's console, which exists only when stdin and stdout are a terminal. */
    static Terminal system() {
      return new Terminal() {
        @Override
        public boolean interactive() {
          return System.console() != null;
        }

        @Override
        public String readLine(String prompt) {
          Console c = System.console();
          return c == null ? null : c.readLine("%s", prompt);
        }
      };
    }

    /** No terminal: prompts are refused. */
    Terminal NONE =
        new Terminal() {
          @Override
          public boolean interactive() {
            return false;
          }

          @Override
          public String readLine(String prompt) {
            return null;
          }
        };
  }
}
