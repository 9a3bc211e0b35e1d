package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.formation.cli.Environment;
import dev.formation.platform.local.state.DaemonEnvironment;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.LocalSettings;
import dev.formation.platform.local.state.Token;
import dev.formation.platform.local.state.WeakTokenException;
import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the daemon keeps from its caller and how it keeps its files: started as {@code local start}
 * starts it, with credentials in the launching environment.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalSecretsTest {
  @TempDir Path home;
  Map<String, String> env;
  LocalSettings settings;
  LocalClient client;
  DaemonInfo daemon;

  @BeforeEach
  void env() {
    env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.toString());
    env.put("FORMATION_LOCAL_GRACE", "1");
    env.remove("FORMATION_LOCAL_PORT");
    env.put("HEROKU_API_KEY", "the-callers-heroku-key");
    env.put("GITHUB_TOKEN", "the-callers-github-token");
    env.put("MY_DB_PASSWORD", "the-callers-password");
    settings = LocalSettings.fromEnv(env);
    client = new LocalClient(settings.tokenFile());
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      try {
        client.shutdown(daemon);
      } catch (IOException gone) {
        // stopped already
      }
      ProcessHandle.of(daemon.pid())
          .ifPresent(
              p -> {
                try {
                  p.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                  p.destroyForcibly();
                }
              });
    }
    client.close();
  }

  private DaemonInfo start() throws Exception {
    daemon =
        new DaemonLauncher(settings, "dev.formation.Main", client, n -> {}, Sleeper.THREAD)
            .start(0);
    return daemon;
  }

  @Test
  void neitherTheDaemonNorItsDynos_carryTheCallersCredentials() throws Exception {
    start();
    Map<String, String> daemonEnv = environ(daemon.pid());
    assertThat(daemonEnv)
        .doesNotContainKeys("HEROKU_API_KEY", "GITHUB_TOKEN", "MY_DB_PASSWORD")
        .containsEntry("FORMATION_HOME", home.toString())
        .containsEntry("FORMATION_LOCAL_GRACE", "1")
        .containsKey("PATH");

    Path app = Files.createDirectories(home.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "worker: sleep 1000\n");
    client.register(daemon, "demo", app, 0);
    patch("/apps/demo/formation/worker", "{\"quantity\":1}");
    long pid = dynoPid();
    Map<String, String> dynoEnv = environ(pid);
    assertThat(dynoEnv)
        .doesNotContainKeys("HEROKU_API_KEY", "GITHUB_TOKEN", "MY_DB_PASSWORD", "HEROKU_HOST")
        .containsEntry("DYNO", "worker.1")
        .containsKey("PATH");
    assertThat(String.join("\n", dynoEnv.values())).doesNotContain("the-callers-");
  }

  @Test
  void theRule_dropsCredentialsAndFormationSecrets_andKeepsTheRest() {
    assertThat(
            DaemonEnvironment.scrub(
                Map.ofEntries(
                    Map.entry("PATH", "/bin"),
                    Map.entry("HOME", "/home/me"),
                    Map.entry("LANG", "C.UTF-8"),
                    Map.entry("LC_ALL", "C"),
                    Map.entry("TZ", "UTC"),
                    Map.entry("TMPDIR", "/tmp"),
                    Map.entry("JAVA_HOME", "/jdk"),
                    Map.entry("FORMATION_HOME", "/f"),
                    Map.entry("FORMATION_LOCAL_PORT", "5001"),
                    Map.entry("FORMATION_HEROKU_TOKEN", "x"),
                    Map.entry("FORMATION_DEBUG", "1"),
                    Map.entry("HEROKU_API_KEY", "x"),
                    Map.entry("HEROKU_HOST", "x"),
                    Map.entry("AWS_ACCESS_KEY_ID", "x"),
                    Map.entry("GITHUB_TOKEN", "x"),
                    Map.entry("npm_token", "x"),
                    Map.entry("SSH_AUTH_SOCK", "x"),
                    Map.entry("KUBECONFIG", "x"),
                    Map.entry("STRIPE_SECRET", "x"),
                    Map.entry("PGPASSWORD", "x"))))
        .containsOnlyKeys(
            "PATH",
            "HOME",
            "LANG",
            "LC_ALL",
            "TZ",
            "TMPDIR",
            "JAVA_HOME",
            "FORMATION_HOME",
            "FORMATION_LOCAL_PORT");
  }

  @Test
  void filesFoundLooser_areOwnerOnlyAfterStart_andTheLogAndStateToo() throws Exception {
    Files.createDirectories(settings.stateDir());
    Files.writeString(settings.tokenFile(), Token.loadOrCreate(home.resolve("t")) + "\n");
    Files.writeString(settings.daemonLog(), "an older daemon's line\n");
    Path lib = Files.createDirectories(settings.stateDir().resolve("lib"));
    Files.writeString(lib.resolve("formation-1-2.jar"), "old copy");
    for (Path p :
        List.of(settings.tokenFile(), settings.daemonLog(), lib.resolve("formation-1-2.jar"))) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.setPosixFilePermissions(
        settings.stateDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));

    start();
    for (Path p :
        List.of(
            settings.tokenFile(),
            settings.daemonLog(),
            settings.daemonFile(),
            settings.stateDir().resolve("api-port"),
            lib.resolve("formation-1-2.jar"))) {
      assertThat(perms(p)).as(p.toString()).isEqualTo("rw-------");
    }
    assertThat(perms(settings.stateDir())).isEqualTo("rwx------");
    assertThat(perms(lib)).isEqualTo("rwx------");
  }

  @Test
  void aDaemonLogMadeByTheLauncher_isOwnerOnlyFromTheStart() throws Exception {
    start();
    assertThat(perms(settings.daemonLog())).isEqualTo("rw-------");
  }

  @Test
  void theJarCopy_isOwnerOnly() throws Exception {
    Path jar = home.resolve("formation.jar");
    Files.write(jar, new byte[] {'P', 'K', 3, 4});
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    Path copy = DaemonJar.classpath(List.of(jar), settings.stateDir()).get(0);
    assertThat(copy).hasBinaryContent(new byte[] {'P', 'K', 3, 4});
    assertThat(perms(copy)).isEqualTo("rw-------");
    assertThat(perms(copy.getParent())).isEqualTo("rwx------");
  }

  @Test
  void aLoosenedTokenFile_isTightenedWhenAClientReadsIt() throws Exception {
    String token = Token.loadOrCreate(settings.tokenFile());
    Files.setPosixFilePermissions(
        settings.tokenFile(), PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(Token.read(settings.tokenFile())).isEqualTo(token);
    assertThat(perms(settings.tokenFile())).isEqualTo("rw-------");
  }

  @Test
  void aWeakToken_isRefused_byTheDaemonAndByLocalStart_withHowToMakeANewOne() throws Exception {
    Files.createDirectories(settings.stateDir());
    Files.writeString(settings.tokenFile(), "a".repeat(43) + "\n");
    assertThatThrownBy(this::start)
        .isInstanceOf(WeakTokenException.class)
        .hasMessageContaining("too easy to guess")
        .hasMessageContaining("delete the file");
    assertThatThrownBy(() -> client.status(new DaemonInfo("http://127.0.0.1:1", 1, 1, "t", "x")))
        .isInstanceOf(WeakTokenException.class);

    CliRunner.Result r = CliRunner.in(home, env, Environment.Terminal.NONE).exec("local", "start");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("error[FM152]")
        .contains("too easy to guess (about 0 bits, at least 128 needed)")
        .contains("delete the file")
        .doesNotContain("aaaaaaaa");
    assertThat(settings.daemonFile()).doesNotExist();
    Path app = Files.createDirectories(home.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "web: exec sleep 600\n");
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Files.writeString(
        home.resolve("formation.yaml"),
        "version: 1\napps:\n  weak-demo:\n    platform: local\n    local: {dir: ./app, port: "
            + port
            + "}\n"
            + "    processes:\n      web: {size: standard-1x, quantity: 1}\n");
    CliRunner cli = CliRunner.in(home, env, Environment.Terminal.NONE);
    for (String[] command : new String[][] {{"plan"}, {"drift"}, {"apply", "--auto-approve"}}) {
      CliRunner.Result read = cli.exec(command);
      assertThat(read.exitCode()).as(read.toString()).isEqualTo(1);
      assertThat(read.out() + read.err())
          .as(read.toString())
          .contains("error[FM152]: weak-demo: the API token in " + settings.tokenFile())
          .contains("delete the file")
          .doesNotContain("FM120")
          .doesNotContain("aaaaaaaa");
    }
    assertThat(settings.daemonFile()).doesNotExist();
  }

  @Test
  void theEntropyRule_refusesRunsAndFewLetters_andAcceptsMadeTokens() throws Exception {
    assertThat(Token.bits("a".repeat(43))).isZero();
    assertThat(Token.bits("ab".repeat(32))).isCloseTo(64.0, within(1e-9));
    assertThat(Token.bits("0123456789abcdef".repeat(2))).isCloseTo(128.0, within(1e-9));
    String made = Token.loadOrCreate(home.resolve("made"));
    assertThat(Token.bits(made)).isGreaterThan(200);
    Files.writeString(home.resolve("weak"), "ab".repeat(32));
    assertThatThrownBy(() -> Token.read(home.resolve("weak")))
        .isInstanceOf(WeakTokenException.class)
        .hasMessageContaining("about 64 bits");
  }

  private void patch(String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(daemon.url() + path))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + Token.read(settings.tokenFile()))
                    .header("Accept", "application/vnd.heroku+json; version=3")
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
  }

  private long dynoPid() throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      for (JsonNode d : client.status(daemon).get("apps").get(0).get("dynos")) {
        if (d.has("pid") && d.get("state").asString().equals("up")) {
          return d.get("pid").asLong();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no dyno came up");
  }

  private static Map<String, String> environ(long pid) throws IOException {
    Map<String, String> vars = new HashMap<>();
    String all =
        new String(
            Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
    Arrays.stream(all.split("\0"))
        .filter(e -> e.contains("="))
        .forEach(e -> vars.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
    return vars;
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
