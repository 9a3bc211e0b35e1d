package dev.formation.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives {@code mvn package} leaves in target/ (docs/install.md), installed as a user
 * does: unpacked into an empty folder, the launcher put on PATH through a symlink from another
 * folder, run from a third. The plain archive runs on the build's Java found on PATH; the linux-x64
 * one on its own runtime, with no Java on PATH and no JAVA_HOME.
 */
class ReleaseIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  /** What the launcher runs besides java: the PATH of a machine without Java is only these. */
  private static final List<String> TOOLS =
      List.of("env", "bash", "readlink", "mkdir", "awk", "rm", "mv", "touch", "cksum", "cat");

  private static final String FILE =
      "version: 1\napps:\n  shop:\n    processes:\n      web: {size: standard-1x, quantity: 2}\n";

  @TempDir static Path tmp;
  private static String version;
  private static Path tools;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void toolsWithoutJava() throws IOException {
    Assumptions.assumeFalse(
        Boolean.getBoolean("release.skip"), "-Drelease.skip: the build made no archives");
    version = Files.readString(TARGET.resolve("release/version"), StandardCharsets.UTF_8).strip();
    tools = Files.createDirectories(tmp.resolve("tools"));
    for (String tool : TOOLS) {
      Path found = onPath(tool);
      assertThat(found).as("%s on PATH", tool).isNotNull();
      Files.createSymbolicLink(tools.resolve(tool), found);
    }
  }

  @Test
  void plainArchive_runsOnTheJavaOnPath() throws Exception {
    Path home = unpack("formation-" + version + ".tar.gz", "plain");
    assertThat(home.resolve("runtime")).doesNotExist();
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");

    // no HOME and no XDG_CACHE_HOME: no cache folder, so no class-data-sharing archive either
    Map<String, String> env = Map.of("PATH", path(home, "plain") + ":" + javaBin);
    commandsWork("plain", env);

    // without a Java, or with one older than 17, it says so
    Path work = tmp.resolve("plain-work");
    Run none = formation(work, Map.of("PATH", path(home, "none")), "--version");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).startsWith("formation: no Java found: formation needs Java 17 or later");
    Path old = Files.createDirectories(tmp.resolve("jdk-11/bin"));
    Files.writeString(old.resolve("java"), "#!/bin/sh\nexit 0\n"); // never run: too old
    old.resolve("java").toFile().setExecutable(true);
    Files.writeString(old.resolveSibling("release"), "JAVA_VERSION=\"11.0.2\"\n");
    Map<String, String> java11 = Map.of("PATH", env.get("PATH"), "JAVA_HOME", old.getParent() + "");
    Run tooOld = formation(work, java11, "--version");
    assertThat(tooOld.exitCode()).isEqualTo(1);
    assertThat(tooOld.err()).contains("is Java 11.0.2; formation needs Java 17 or later");
  }

  @Test
  void linuxArchive_runsOnItsOwnRuntime_withNoJavaInstalled() throws Exception {
    Assumptions.assumeTrue(linuxX64(), "the build makes the linux-x64 archive on Linux x86-64");
    Path home = unpack("formation-" + version + "-linux-x64.tar.gz", "linux");
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("runtime/legal/java.base/LICENSE")).isNotEmptyFile();
    Path cache = tmp.resolve("cache");
    List<Path> installed = files(home);
    // a read-only install folder, as under /opt: nothing may be written into it
    for (Path p : installed) {
      p.toFile().setWritable(false, false);
    }

    Map<String, String> env =
        Map.of("PATH", path(home, "linux"), "XDG_CACHE_HOME", cache.toString());
    commandsWork("linux", env);

    assertThat(files(home)).isEqualTo(installed);
    try (Stream<Path> archives = Files.list(cache.resolve("formation").resolve(version))) {
      assertThat(archives.filter(p -> p.toString().endsWith(".jsa")).toList()).hasSize(1);
    }
    for (Path p : installed) {
      p.toFile().setWritable(true, true); // so that the temporary folder can be deleted
    }
  }

  /** --version, validate and plan against the fake Heroku API, from an empty folder. */
  private static void commandsWork(String name, Map<String, String> env) throws Exception {
    Path work = Files.createDirectories(tmp.resolve(name + "-work"));
    assertThat(formation(work, env, "--version"))
        .isEqualTo(new Run(0, "formation " + version + "\n", ""));

    Files.writeString(work.resolve("formation.yaml"), FILE);
    Run validate = formation(work, env, "validate");
    assertThat(validate.exitCode()).as(validate.err()).isZero();

    try (FakeHeroku heroku = FakeHeroku.start(2)) {
      heroku.addApp("shop", "cedar").process("web", "standard-1x", 1);
      Map<String, String> withApi = new HashMap<>(env);
      withApi.putAll(heroku.env());
      Run plan = formation(work, withApi, "plan");
      assertThat(plan.exitCode()).as(plan.err()).isZero();
      assertThat(plan.out())
          .contains(
              "~ web  Standard-1X ×1 → Standard-1X ×2",
              "Plan: 0 to add, 1 to change, 0 to remove.");
      assertThat(heroku.requests("GET", "/apps/shop.*")).isNotEmpty();
    }
  }

  @Test
  void checksums_verify_andArchivesHoldOnlyTheRelease() throws Exception {
    List<String> archives = new ArrayList<>(List.of("formation-" + version));
    if (linuxX64()) {
      archives.add("formation-" + version + "-linux-x64");
    }
    for (String name : archives) {
      Path archive = TARGET.resolve(name + ".tar.gz");
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive));
      assertThat(Files.readString(TARGET.resolve(name + ".tar.gz.sha256")))
          .isEqualTo(HexFormat.of().formatHex(digest) + "  " + name + ".tar.gz\n");
      if (onPath("sha256sum") != null) {
        Run check = run(TARGET, Map.of(), "sha256sum", "-c", name + ".tar.gz.sha256");
        assertThat(check).isEqualTo(new Run(0, name + ".tar.gz: OK\n", ""));
      }

      List<String> entries =
          run(TARGET, Map.of(), "tar", "tzf", archive.toString()).out().lines().toList();
      String top = "formation-" + version + "/";
      assertThat(entries).allMatch(e -> e.startsWith(top), "under " + top);
      assertThat(entries).noneMatch(e -> e.contains("target/") || e.contains("test-classes"));
      assertThat(entries)
          .contains(top + "bin/formation", top + "lib/formation.jar", top + "LICENSE")
          .contains(top + "THIRD-PARTY.txt");
    }
    Path home = unpack("formation-" + version + ".tar.gz", "contents");
    assertThat(Files.readString(home.resolve("LICENSE")))
        .contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS");
    String thirdParty = Files.readString(home.resolve("THIRD-PARTY.txt"));
    assertThat(thirdParty).contains("info.picocli:picocli:"); // compiled in from its sources
    try (JarFile jar = new JarFile(home.resolve("lib/formation.jar").toFile())) {
      List<String> names = jar.stream().map(e -> e.getName()).toList();
      assertThat(names)
          .noneMatch(n -> n.startsWith("dev/formation/testing/"))
          .noneMatch(
              n -> n.startsWith("dev/formation/") && n.matches(".*(Test|IT)(\\$.*)?\\.class"));
      // every library shaded into the jar keeps its pom.properties: each is named, with a licence
      List<String> bundled =
          names.stream()
              .filter(n -> n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties"))
              .map(n -> n.split("/"))
              .filter(p -> !p[3].equals("formation"))
              .map(p -> p[2] + ":" + p[3] + ":")
              .toList();
      assertThat(bundled).hasSizeGreaterThan(20);
      assertThat(thirdParty).contains(bundled);
    }
  }

  private static Path unpack(String archive, String name) throws Exception {
    Path into = Files.createDirectories(tmp.resolve(name));
    Run tar = run(into, Map.of(), "tar", "xzf", TARGET.resolve(archive).toString());
    assertThat(tar.exitCode()).as(tar.err()).isZero();
    return into.resolve("formation-" + version);
  }

  /** A folder holding only a symlink to the launcher, and the tools: the PATH of a user. */
  private static String path(Path home, String name) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve(name + "-bin"));
    Files.createSymbolicLink(bin.resolve("formation"), home.resolve("bin/formation"));
    return bin + ":" + tools;
  }

  private static Run formation(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("formation"));
    command.addAll(List.of(args));
    // ProcessBuilder looks programs up on this JVM's PATH; env looks it up on the child's
    command.add(0, tools.resolve("env").toString());
    return run(dir, env, command.toArray(String[]::new));
  }

  /** Runs a command with exactly the environment given. */
  private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    if (!env.isEmpty()) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s finished in time", command[0]).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.sorted().toList();
    }
  }

  /** Where the build makes the linux-x64 archive (pom.xml, profile linux-x64). */
  private static boolean linuxX64() {
    return System.getProperty("os.name").equals("Linux")
        && System.getProperty("os.arch").equals("amd64");
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
