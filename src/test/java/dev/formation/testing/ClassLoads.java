package dev.formation.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What a run of the packaged jar loads: the {@code Lazy*IT} tests hold start-up to loading a
 * library only for the commands that need it. Each run is {@code java -Xshare:off -verbose:class
 * -jar target/formation.jar ARGS} in a folder of the test's, with {@code FORMATION_HOME} inside it.
 */
public final class ClassLoads {
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> unset = new ArrayList<>();

  private ClassLoads(Path dir) {
    this.dir = dir;
    env.put("FORMATION_HOME", dir.resolve("home").toString());
  }

  /** Runs in {@code dir}. */
  public static ClassLoads in(Path dir) {
    return new ClassLoads(dir);
  }

  /** Sets a variable of the runs' environment. */
  public ClassLoads env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Removes a variable the test's own environment may hold. */
  public ClassLoads unset(String name) {
    unset.add(name);
    return this;
  }

  /** How many classes a run of {@code args} loaded whose names start with {@code prefix}. */
  public long count(String prefix, String... args) throws IOException, InterruptedException {
    return loaded(List.of(prefix), args).size();
  }

  /** The classes a run of {@code args} loaded whose names start with one of {@code prefixes}. */
  public List<String> loaded(List<String> prefixes, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-verbose:class",
                "-jar",
                BUILT_JAR.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("classes.log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    unset.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("formation %s ended", List.of(args)).isTrue();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> prefixes.stream().anyMatch(prefix -> l.contains(" " + prefix)))
        .toList();
  }
}
