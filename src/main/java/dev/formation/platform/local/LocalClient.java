package dev.formation.platform.local;

import dev.formation.platform.JdkHttpClients;
import dev.formation.platform.NoTls;
import dev.formation.platform.local.state.DaemonInfo;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.LogPage;
import dev.formation.platform.local.state.Token;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The daemon's HTTP API as formation uses it besides the Heroku adapter: whether it answers, its
 * status, its routers' last hour, an app's registration, forgetting an app, its logs, a clean stop.
 * Every request carries the bearer token of the token file, read afresh each time (a reset makes a
 * new one).
 */
public final class LocalClient implements AutoCloseable {
  private final Path tokenFile;
  // the daemon is plain http on 127.0.0.1: no TLS to set up
  private final HttpClient http =
      JdkHttpClients.build(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .sslContext(NoTls.context()));

  public LocalClient(Path tokenFile) {
    this.tokenFile = tokenFile;
  }

  /** Ends the client's HTTP connections (at the end of a command); it is not used afterwards. */
  @Override
  public void close() {
    JdkHttpClients.release(http);
  }

  /**
   * Whether the daemon answers its API. One that has spent its request budget ({@code 429}) still
   * runs.
   */
  public boolean answers(DaemonInfo daemon) {
    try {
      int status = call("GET", daemon, "/account", null).statusCode();
      return status == 200 || status == 429;
    } catch (IOException e) {
      return false;
    }
  }

  /** The daemon's status document ({@code GET /local/status}). */
  public ObjectNode status(DaemonInfo daemon) throws IOException {
    HttpResponse<String> r = call("GET", daemon, "/local/status", null);
    if (r.statusCode() != 200) {
      throw new IOException("the local platform answered " + r.statusCode() + ": " + r.body());
    }
    return (ObjectNode) Json.MAPPER.readTree(r.body());
  }

  /**
   * Each app's router over the last hour, minute by minute ({@code GET /local/router/history}):
   * {@code {"apps": [{"name", "minutes": [{"start", "seconds", "requests", "errors_5xx",
   * "p95_ms"}]}]}}, oldest minute first.
   */
  public ObjectNode routerHistory(DaemonInfo daemon) throws IOException {
    HttpResponse<String> r = call("GET", daemon, "/local/router/history", null);
    if (r.statusCode() != 200) {
      throw new IOException(
          "the local platform answered " + r.statusCode() + ": " + message(r, r.body()));
    }
    return (ObjectNode) Json.MAPPER.readTree(r.body());
  }

  /**
   * Registers (or updates) a local app: {@code dir} holds its Procfile, {@code port} is its router
   * port. New process types start at 0 dynos; existing formations are kept.
   */
  public void register(DaemonInfo daemon, String app, Path dir, int port) throws IOException {
    register(daemon, app, dir, port, List.of());
  }

  /**
   * Registers (or updates) a local app with the queue rules the daemon is to run for it (they
   * replace the ones it had).
   */
  public void register(DaemonInfo daemon, String app, Path dir, int port, List<LocalQueue> queues)
      throws IOException {
    Map<String, Object> request = new java.util.LinkedHashMap<>();
    request.put("dir", dir.toAbsolutePath().normalize().toString());
    request.put("port", port);
    request.put("queues", queues.stream().map(LocalQueue::json).toList());
    String body = Json.MAPPER.writeValueAsString(request);
    HttpResponse<String> r = call("PUT", daemon, "/apps/" + app, body);
    if (r.statusCode() != 200) {
      throw new IOException(
          "cannot register " + app + " with the local platform: " + message(r, r.body()));
    }
  }

  /**
   * Where the daemon has {@code app} registered: its folder and router port, or empty when it does
   * not know the app. Reads only.
   */
  public Optional<Registered> registered(DaemonInfo daemon, String app) throws IOException {
    HttpResponse<String> r = call("GET", daemon, "/apps/" + app, null);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode body = r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    JsonNode local = body == null ? null : body.get("local");
    if (local == null || !local.path("dir").isString() || !local.path("port").canConvertToInt()) {
      throw new IOException(
          "the local platform answered GET /apps/"
              + app
              + " with "
              + r.statusCode()
              + " and no registration");
    }
    List<LocalQueue> queues = new ArrayList<>();
    try {
      for (JsonNode q : local.path("queues")) {
        queues.add(LocalQueue.of(Json.MAPPER.treeToValue(q, Map.class)));
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IOException(
          "the local platform answered GET /apps/" + app + " with a broken queue rule: " + e);
    }
    return Optional.of(
        new Registered(
            local.get("dir").asString(),
            local.get("port").asInt(),
            // a daemon that does not say is taken at its word that the router listens
            local.path("listening").asBoolean(true),
            queues));
  }

  /**
   * A local app's registration as the daemon reports it, with the queue rules it runs.
   *
   * @param listening whether its router listens on {@code port} (it does not when another program
   *     held the port as the daemon started)
   */
  public record Registered(String dir, int port, boolean listening, List<LocalQueue> queues) {
    public Registered {
      if (dir == null || port < 0 || port > 65535) {
        throw new IllegalArgumentException("a registration has a folder and a port: " + port);
      }
      queues = queues == null ? List.of() : List.copyOf(queues);
    }

    public Registered(String dir, int port) {
      this(dir, port, true, List.of());
    }
  }

  /**
   * Forgets an app: the daemon stops its dynos and removes its record and logs. Returns false when
   * it has no such app.
   */
  public boolean forget(DaemonInfo daemon, String app) throws IOException {
    HttpResponse<String> r = call("DELETE", daemon, "/apps/" + app, null);
    if (r.statusCode() == 404) {
      return false;
    }
    if (r.statusCode() != 200) {
      throw new IOException(
          "the local platform answered " + r.statusCode() + ": " + message(r, ""));
    }
    return true;
  }

  /**
   * A page of the apps' logs ({@code GET /local/logs}): each app's last {@code lines} lines when
   * {@code since} is null, else what each app's log gained after its offset there.
   *
   * @param app one app, or null for every app
   */
  public List<LogPage> logs(DaemonInfo daemon, String app, int lines, Map<String, Long> since)
      throws IOException {
    StringBuilder query = new StringBuilder("/local/logs?lines=").append(lines);
    if (app != null) {
      query.append("&app=").append(URLEncoder.encode(app, StandardCharsets.UTF_8));
    }
    if (since != null) {
      String offsets =
          since.entrySet().stream()
              .map(e -> e.getKey() + ":" + e.getValue())
              .collect(Collectors.joining(","));
      query.append("&since=").append(URLEncoder.encode(offsets, StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = call("GET", daemon, query.toString(), null);
    if (r.statusCode() != 200) {
      throw new IOException(
          "the local platform answered " + r.statusCode() + ": " + message(r, r.body()));
    }
    List<LogPage> pages = new ArrayList<>();
    for (JsonNode p : Json.MAPPER.readTree(r.body()).path("logs")) {
      List<String> text = new ArrayList<>();
      p.path("lines").forEach(l -> text.add(l.asString()));
      pages.add(new LogPage(p.path("app").asString(), text, p.path("next").asLong()));
    }
    return pages;
  }

  /** Asks the daemon to stop every dyno and exit ({@code POST /local/shutdown}). */
  public void shutdown(DaemonInfo daemon) throws IOException {
    call("POST", daemon, "/local/shutdown", null);
  }

  private static String message(HttpResponse<String> r, String otherwise) {
    try {
      return Json.MAPPER.readTree(r.body()).path("message").asString(otherwise);
    } catch (RuntimeException notJson) {
      return otherwise;
    }
  }

  private HttpResponse<String> call(String method, DaemonInfo daemon, String path, String body)
      throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(daemon.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Accept", "application/vnd.heroku+json; version=3")
            .header("Authorization", "Bearer " + Token.read(tokenFile))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
