package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar through {@code bin/formation}, as a user does. Making the class-data-sharing
 * archive takes seconds, so only the tests about making it start from a jar of their own; the
 * others share one jar whose archive is made once.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("bin", "formation").toAbsolutePath();
  private static final Path BUILT_JAR = Path.of("target", "formation.jar").toAbsolutePath();

  @TempDir static Path sharedDir;
  private static Path sharedJar;

  /** The shared jar's first run, a {@code --version}: the one that made its archive. */
  private static Run sharedFirst;

  @TempDir Path dir;
  private Path jar;
  private Path archive;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void shareOneArchivedJar() throws Exception {
    sharedJar = Files.copy(BUILT_JAR, sharedDir.resolve("formation.jar"));
    sharedFirst = run(sharedDir, sharedJar, Map.of(), "--version");
  }

  /** A jar of this test's own, without an archive yet: for the tests of the first run. */
  private void freshJar() throws IOException {
    jar = Files.copy(BUILT_JAR, dir.resolve("formation.jar"));
    archive = dir.resolve("formation.jsa");
  }

  @BeforeEach
  void useTheSharedJar() {
    jar = sharedJar;
    archive = sharedDir.resolve("formation.jsa");
  }

  @Test
  void shadedJar_manifestNamesMainClassAndVersion() throws IOException {
    try (JarFile file = new JarFile(BUILT_JAR.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      assertThat(main.getValue("Main-Class")).isEqualTo("dev.formation.Main");
      assertThat(main.getValue("Implementation-Version")).isNotBlank();
      // the schema validator logs through SLF4J; without a provider SLF4J warns on stderr
      var provider = file.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
      assertThat(new String(file.getInputStream(provider).readAllBytes(), StandardCharsets.UTF_8))
          .contains("org.slf4j.nop.NOPServiceProvider");
    }
  }

  @Test
  void laterRuns_mapTheArchive() throws Exception {
    formation(Map.of(), "sizes");

    // -Xshare:on (after the launcher's -Xshare:auto) makes the JVM fail if it cannot map it
    Run strict = formation(Map.of("JAVA_OPTS", "-Xshare:on"), "--version");

    assertThat(strict.exitCode()).as("stderr: %s, stdout: %s", strict.err(), strict.out()).isZero();
    assertThat(strict.err()).isEmpty();
  }

  /**
   * One first run (the costly one: it makes the archive), then what later runs show: the same
   * output, and validate, plan and apply loading their classes from the archive although the first
   * command was only {@code --version}.
   */
  @Test
  void firstVersionRun_printsOnlyItsOutput_andLeavesAnArchiveForValidatePlanAndApply()
      throws Exception {
    Run first = sharedFirst;

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).matches("formation \\S+\n");
    assertThat(first.err()).isEmpty();
    assertThat(archive).isNotEmptyFile();
    assertThat(formation(Map.of(), "--version")).isEqualTo(first);

    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      web: {size: standard-1x, quantity: 2}\n");
    Path validateLog = dir.resolve("validate.log");
    Run validate =
        formation(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + validateLog), "validate");
    assertThat(validate.exitCode()).as("stderr: %s", validate.err()).isZero();
    assertThat(Files.readString(validateLog, StandardCharsets.UTF_8))
        .containsPattern("dev\\.formation\\.config\\.SchemaCheck source: shared objects file")
        .containsPattern("dev\\.formation\\.config\\.SchemaSubset source: shared objects file");

    try (FakeHeroku heroku = FakeHeroku.start()) {
      heroku.addApp("shop", "cedar").process("web", "standard-1x", 1);
      for (String[] args : new String[][] {{"plan"}, {"apply", "--auto-approve"}}) {
        String command = args[0];
        Path log = dir.resolve(command + ".log");
        Map<String, String> env = new java.util.HashMap<>(heroku.env());
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);

        Run run = formation(env, args);

        assertThat(run.exitCode()).as("%s: %s", command, run.err()).isZero();
        List<String> outside =
            Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("source: jrt:/") || l.contains("source: file:"))
                .toList();
        // what is left are a few classes the JDK loads late; lambda forms are made at run time
        assertThat(outside).as("%s loads outside the archive", command).hasSizeLessThan(25);
      }
    }
  }

  @Test
  void sizes_withAndWithoutArchive_printsWhatTheCommandPrintsInProcess() throws Exception {
    String expected = CliRunner.run("sizes").out();

    assertThat(formation(Map.of(), "sizes")).isEqualTo(new Run(0, expected, ""));
    assertThat(formation(Map.of(), "sizes")).isEqualTo(new Run(0, expected, ""));
    assertThat(formation(Map.of("FORMATION_CDS", "off"), "sizes"))
        .isEqualTo(new Run(0, expected, ""));
  }

  @Test
  void help_isPrintedWithoutLoggingNoise() throws Exception {
    Run help = formation(Map.of(), "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: formation");
    assertThat(help.err()).isEmpty();
  }

  @Test
  void archiveOlderThanJar_isReplaced_andAUsageErrorExitsOneWhileMakingIt() throws Exception {
    freshJar();
    // an archive of an older jar (what it holds does not matter: the launcher goes by its age)
    Files.writeString(archive, "an archive of the jar before this one");
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

    // the run that makes the new archive is a usage error: its exit and message are its own
    Run first = formation(Map.of(), "sizes", "--format", "xml");
    Run second = formation(Map.of(), "sizes", "--format", "xml");

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err()).contains("Invalid value for option '--format'");
    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
    assertThat(Files.size(archive)).isGreaterThan(1_000_000);
  }

  @Test
  void javaOpts_reachTheJvm() throws Exception {
    Run traced = formation(Map.of("JAVA_OPTS", "-Dpicocli.trace=INFO"), "--version");

    assertThat(traced.exitCode()).isZero();
    assertThat(traced.err()).contains("[picocli INFO]");
  }

  @Test
  void localeData_isTheJdksOwn_onJava17Only() throws Exception {
    Assumptions.assumeTrue(Runtime.version().feature() == 17, "the build runs on Java 17");
    Run on17 = formation(Map.of("JAVA_OPTS", "-XshowSettings:properties"), "--version");
    assertThat(on17.exitCode()).isZero();
    assertThat(on17.err()).contains("java.locale.providers = COMPAT");

    // a JDK whose release file names another version (its java runs this one's)
    Path other = Files.createDirectories(dir.resolve("jdk-25/bin"));
    Path java = other.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    java.toFile().setExecutable(true);
    Files.writeString(other.getParent().resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
    Run on25 =
        formation(
            Map.of(
                "JAVA_HOME",
                other.getParent().toString(),
                "JAVA_OPTS",
                "-XshowSettings:properties"),
            "--version");
    assertThat(on25.exitCode()).isZero();
    assertThat(on25.err()).contains("java.home").doesNotContain("java.locale.providers");
  }

  @Test
  void missingFormationJar_isAClearError() throws Exception {
    Run run = formationWithJar(dir.resolve("nope.jar"), Map.of(), "--version");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("FORMATION_JAR").contains("nope.jar");
  }

  private Run formation(Map<String, String> env, String... args) throws Exception {
    return formationWithJar(jar, env, args);
  }

  private Run formationWithJar(Path jarFile, Map<String, String> env, String... args)
      throws Exception {
    return run(dir, jarFile, env, args);
  }

  /** {@code bin/formation args} in {@code dir}, with {@code FORMATION_JAR} set to the jar. */
  private static Run run(Path dir, Path jarFile, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("FORMATION_JAR", jarFile.toString());
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished in time").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
