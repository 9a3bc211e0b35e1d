package dev.formation.startup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.formation.Main;
import dev.formation.cli.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The training run behind the launcher's class-data-sharing archive: {@code validate}, {@code plan}
 * in every format, {@code apply}, {@code drift}, {@code import} and {@code sizes}, run in-process
 * against a tiny Heroku API on 127.0.0.1, so that the archive holds the classes of the commands
 * users run, whichever ran first. Output is discarded; nothing outside a temporary folder and the
 * loopback port is touched. {@code bin/formation} runs it once, when it makes the archive
 * (docs/performance.md, "How the archive is made").
 */
public final class Training {
  private static final String TOKEN = "formation-training-token-not-a-secret";
  private static final Pattern FORMATION = Pattern.compile("^/apps/([^/]+)/formation$");
  private static final Pattern MONITORS =
      Pattern.compile("^/apps/([^/]+)/formation/web/monitors(/[^/]+)?$");
  private static final Pattern UPDATE =
      Pattern.compile(
          "\\{\"type\":\"(\\w+)\"(?:,\"quantity\":(\\d+))?(?:,\"dyno_size\":\\{\"name\":\"([\\w-]+)\"\\})?\\}");

  private Training() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("formation-training");
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Api state = new Api();
    api.createContext("/", state::handle);
    api.start();
    try {
      Files.writeString(dir.resolve("formation.yaml"), CONFIG);
      Files.writeString(dir.resolve("invalid.yaml"), CONFIG.replace("quantity: 2", "quantiy: 2"));
      Map<String, String> env =
          Map.of(
              "HEROKU_HOST",
              "http://127.0.0.1:" + api.getAddress().getPort(),
              "HEROKU_API_KEY",
              TOKEN);
      Environment environment = new Environment(dir, env, dir, Environment.Terminal.NONE);
      // what a command that reads platforms starts beside itself (Startup.headStart)
      ReadWarmUp.run();
      run(environment, "--version");
      run(environment, "--help");
      run(environment, "sizes");
      run(environment, "validate");
      run(environment, "validate", "-f", "invalid.yaml");
      run(environment, "validate", "-f", "invalid.yaml", "--format", "json");
      run(environment, "plan", "--detailed-exitcode");
      run(environment, "plan", "--format", "json");
      run(environment, "plan", "--format", "markdown", "--out", "plan.json");
      run(environment, "drift");
      run(environment, "apply", "--auto-approve");
      run(environment, "drift", "--format", "json");
      run(environment, "import", "shop-production", "shop-staging");
    } finally {
      api.stop(0);
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Runs one command, its output discarded (shown with {@code -Dformation.training.show}). */
  private static void run(Environment environment, String... args) {
    // the command line as Main builds it for these arguments (only the subcommand they name), so
    // that the archive holds the classes of the path users take
    CommandLine cl = Main.commandLine(environment, args);
    boolean show = Boolean.getBoolean("formation.training.show");
    PrintWriter out =
        show
            ? new PrintWriter(System.out, true, StandardCharsets.UTF_8)
            : new PrintWriter(Writer.nullWriter());
    cl.setOut(out);
    cl.setErr(out);
    int code = cl.execute(args);
    if (show) {
      out.println("== formation " + String.join(" ", args) + ": exit " + code);
    }
  }

  private static final String CONFIG =
      """
      version: 1
      x-small: &small {size: standard-1x, quantity: 1}
      apps:
        shop-production:
          processes:
            web: {size: performance-m, autoscale: {min: 2, max: 8, p95_ms: 500}}
            worker: {<<: *small, quantity: 2}
        shop-staging:
          processes:
            web: *small
            clock: {size: standard-2x, quantity: 1}
      """;

  /** The few answers a plan, an apply and a drift of the two training apps need. */
  private static final class Api {
    private final Map<String, String> sizes = new ConcurrentHashMap<>();
    private final Map<String, Integer> quantities = new ConcurrentHashMap<>();
    private volatile String monitor = "[]";

    Api() {
      for (String app : new String[] {"shop-production", "shop-staging"}) {
        for (String type : new String[] {"web", "worker", "clock"}) {
          sizes.put(app + "/" + type, app.endsWith("production") ? "Performance-M" : "Standard-1X");
          quantities.put(app + "/" + type, 1);
        }
      }
    }

    void handle(HttpExchange x) throws IOException {
      String path = x.getRequestURI().getPath();
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher formation = FORMATION.matcher(path);
      Matcher monitors = MONITORS.matcher(path);
      if (formation.matches()) {
        String app = formation.group(1);
        if (x.getRequestMethod().equals("PATCH")) {
          Matcher u = UPDATE.matcher(body.replace(" ", ""));
          while (u.find()) {
            if (u.group(2) != null) {
              quantities.put(app + "/" + u.group(1), Integer.parseInt(u.group(2)));
            }
            if (u.group(3) != null) {
              sizes.put(app + "/" + u.group(1), u.group(3));
            }
          }
        }
        send(x, 200, formation(app));
      } else if (monitors.matches()) {
        if (x.getRequestMethod().equals("GET")) {
          send(x, 200, monitor);
        } else {
          String created =
              "{\"id\":\"m-1\",\"name\":\"LATENCY_SCALE\",\"action_type\":\"scale\","
                  + "\"is_active\":true,\"op\":\"GREATER_OR_EQUAL\",\"period\":1,\"value\":500,"
                  + "\"min_quantity\":2,\"max_quantity\":8,\"notification_channels\":[],"
                  + "\"notification_period\":1440}";
          monitor = "[" + created + "]";
          send(x, x.getRequestMethod().equals("POST") ? 201 : 202, created);
        }
      } else {
        send(x, 404, "{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}");
      }
    }

    private String formation(String app) {
      StringBuilder list = new StringBuilder("[");
      String id = UUID.nameUUIDFromBytes(app.getBytes(StandardCharsets.UTF_8)).toString();
      for (String type : new String[] {"web", "worker", "clock"}) {
        if (list.length() > 1) {
          list.append(',');
        }
        list.append("{\"app\":{\"id\":\"")
            .append(id)
            .append("\",\"name\":\"")
            .append(app)
            .append("\"},\"command\":\"bin/")
            .append(type)
            .append("\",\"created_at\":\"2026-01-01T00:00:00Z\",\"dyno_size\":{\"id\":\"")
            .append(UUID.nameUUIDFromBytes(type.getBytes(StandardCharsets.UTF_8)))
            .append("\",\"name\":\"")
            .append(sizes.get(app + "/" + type))
            .append("\"},\"id\":\"")
            .append(UUID.nameUUIDFromBytes((app + type).getBytes(StandardCharsets.UTF_8)))
            .append("\",\"quantity\":")
            .append(quantities.get(app + "/" + type))
            .append(",\"size\":\"")
            .append(sizes.get(app + "/" + type))
            .append("\",\"type\":\"")
            .append(type)
            .append("\",\"updated_at\":\"2026-01-01T00:00:00Z\"}");
      }
      return list.append(']').toString();
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.getResponseHeaders().set("RateLimit-Remaining", "4000");
      x.getResponseHeaders().set("Request-Id", UUID.randomUUID().toString());
      x.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
