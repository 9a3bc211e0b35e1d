package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local app applied from a folder, as the tests of what reads the local platform start: app
 * {@code quickstart} from {@code ./a} (a web and a worker that wait) on a free router port, its two
 * dynos up; the platform is stopped after each test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class LocalAppFixture {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PROCFILE = "web: exec sleep 600\nworker: exec sleep 601\n";

  @TempDir Path home;
  CliRunner cli;
  int port;

  @BeforeEach
  void applyTheApp() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FORMATION_HOME", home.resolve("fh").toString());
    env.put("FORMATION_LOCAL_GRACE", "2");
    env.remove("HEROKU_API_KEY");
    env.remove("HEROKU_HOST");
    env.remove("FORMATION_LOCAL_PORT");
    cli = CliRunner.in(home, env, Environment.Terminal.NONE);
    port = LocalCommandTest.freePort();
    folder("a", PROCFILE);
    config("a.yaml", "a", port);
    CliRunner.Result applied = cli.exec("apply", "--auto-approve", "-f", "a.yaml");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    awaitPids(2);
  }

  @AfterEach
  void stop() {
    cli.exec("local", "stop");
  }

  void folder(String name, String procfile) throws IOException {
    Path dir = Files.createDirectories(home.resolve(name));
    Files.writeString(dir.resolve("Procfile"), procfile);
  }

  /** A config of app {@code quickstart} that lists every type its folder's Procfile has. */
  void config(String file, String dir, int routerPort) throws IOException {
    boolean worker = Files.readString(home.resolve(dir).resolve("Procfile")).contains("worker:");
    Files.writeString(
        home.resolve(file),
        String.join(
            "\n",
            "version: 1",
            "apps:",
            "  quickstart:",
            "    platform: local",
            "    local: {dir: ./" + dir + ", port: " + routerPort + "}",
            "    processes:",
            "      web: {size: standard-1x, quantity: 1}",
            worker ? "      worker: {size: standard-1x, quantity: 1}\n" : ""));
  }

  /** Every file the daemon keeps, but its logs, by path: their bytes as text. */
  Map<String, String> stateFiles() throws IOException {
    Path state = home.resolve("fh").resolve("local");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(state)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        String name = state.relativize(f).toString();
        if (!name.startsWith("logs") && !name.endsWith(".log")) {
          files.put(name, Files.readString(f));
        }
      }
    }
    return files;
  }

  Map<String, Long> pids() throws Exception {
    Map<String, Long> pids = new TreeMap<>();
    for (JsonNode d : status().get("apps").get(0).get("dynos")) {
      if (d.has("pid")) {
        pids.put(d.get("name").asString(), d.get("pid").asLong());
      }
    }
    return pids;
  }

  void awaitPids(int count) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (pids().size() < count && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(pids()).hasSize(count);
  }

  JsonNode status() throws Exception {
    return JSON.readTree(cli.exec("local", "status", "--format", "json").out());
  }

  static boolean listening(int port) {
    try {
      new Socket(InetAddress.getLoopbackAddress(), port).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Every file under {@code dir}, logs included: its bytes as text. */
  static Map<String, String> allFiles(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.relativize(f).toString(),
            Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
