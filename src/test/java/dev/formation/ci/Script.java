package dev.formation.ci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the CI scripts under {@code src/ci} with bash, in an environment of the test's
 * making: only PATH (the system's tools, after the test's own folders), HOME and what the test
 * adds, so that no variable of the machine (a real GITHUB_TOKEN, HEROKU_API_KEY) reaches it.
 */
final class Script {
  static final Path ROOT = Path.of("src", "ci").toAbsolutePath();

  record Result(int exitCode, String out, String err) {}

  private Script() {}

  /** Runs {@code src/ci/SCRIPT args...} in {@code dir}; {@code path} goes before /usr/bin:/bin. */
  static Result run(
      Path dir, List<Path> path, Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = pb.environment();
    environment.clear();
    List<String> entries = new ArrayList<>();
    path.forEach(p -> entries.add(p.toAbsolutePath().toString()));
    entries.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
    environment.put("PATH", String.join(":", entries));
    environment.put("HOME", dir.toAbsolutePath().toString());
    environment.put("LC_ALL", "C.UTF-8");
    environment.putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 60 s");
    }
    Result r =
        new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** The NAME=VALUE lines a script appended to its GITHUB_OUTPUT file. */
  static Map<String, String> outputs(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }
}
