package dev.formation.platform.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.platform.local.daemon.api.ApiServer;
import dev.formation.platform.local.daemon.http.HttpLimits;
import dev.formation.platform.local.state.Json;
import dev.formation.platform.local.state.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The daemon's API as an attacker on this machine would try it (issue 9, items 3, 4 and 7). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalApiHardeningTest {
  static final HttpLimits FAST =
      HttpLimits.DEFAULT.withTimeouts(
          Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(30));

  @TempDir Path home;
  LocalHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private LocalHarness start() throws IOException {
    h = new LocalHarness(home, 0, null, FAST);
    return h;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "\n\n"})
  void anEmptyOrBlankTokenFile_getsANewToken_andTokenlessRequestsAreStill401(String content)
      throws Exception {
    Path token = home.resolve("local/token");
    Files.createDirectories(token.getParent());
    Files.writeString(token, content);

    start();

    assertThat(h.token()).hasSizeGreaterThanOrEqualTo(Token.MIN_LENGTH);
    Path dir = Files.createDirectories(home.resolve("src"));
    Files.writeString(dir.resolve("Procfile"), "worker: touch ran\n");
    for (String auth : new String[] {null, "Bearer ", "Bearer  ", "bearer"}) {
      assertThat(h.send("GET", "/apps", null, auth, LocalHarness.ACCEPT).statusCode())
          .isEqualTo(401);
      HttpResponse<String> put =
          h.send(
              "PUT",
              "/apps/evil",
              "{\"dir\":\"" + dir + "\",\"port\":0}",
              auth,
              LocalHarness.ACCEPT);
      assertThat(put.statusCode()).isEqualTo(401);
    }
    assertThat(h.send("GET", "/apps/evil", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aTokenShorterThan32Characters_stopsTheDaemonFromStarting_withoutShowingIt()
      throws Exception {
    Path token = home.resolve("local/token");
    Files.createDirectories(token.getParent());
    Files.writeString(token, "short-secret\n");

    assertThatThrownBy(this::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("shorter than 32 characters")
        .hasMessageContaining("delete the file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-secret"));
  }

  @Test
  void requestsWithoutTheToken_costNoBudget() throws Exception {
    start();
    for (int i = 0; i < 4600; i++) {
      assertThat(h.send("GET", "/apps", null, null, LocalHarness.ACCEPT).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> r = h.send("GET", "/apps", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("RateLimit-Remaining").map(Integer::parseInt))
        .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(4498));
  }

  @Test
  void aHostThatIsNotALoopbackName_isRefused_asDnsRebindingWouldSendIt() throws Exception {
    start();
    String token = h.token();
    assertThat(
            raw(
                "GET /apps HTTP/1.1\r\nHost: evil.example:"
                    + h.daemon.port()
                    + "\r\n"
                    + auth(token)))
        .startsWith("HTTP/1.1 403")
        .contains("\"id\":\"forbidden\"");
    assertThat(
            raw("GET /apps HTTP/1.1\r\nHost: localhost:" + h.daemon.port() + "\r\n" + auth(token)))
        .startsWith("HTTP/1.1 200");
    assertThat(raw("GET /apps HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(token)))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void noAnswer_carriesACorsHeader() throws Exception {
    start();
    String preflight =
        raw(
            "OPTIONS /apps HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n"
                + "Access-Control-Request-Method: PUT\r\n");
    String get =
        raw(
            "GET /apps HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n"
                + auth(h.token()));
    assertThat(preflight).startsWith("HTTP/1.1 401").doesNotContainIgnoringCase("access-control");
    assertThat(get).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("access-control");
  }

  @Test
  void twoHundredHalfOpenConnections_leaveTheApiAnsweringWithinTwoSeconds() throws Exception {
    start();
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), h.daemon.port());
        s.getOutputStream().write("GET /apps HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        idle.add(s);
      }
      HttpResponse<String> r =
          h.http.send(
              HttpRequest.newBuilder(URI.create(h.daemon.url() + "/local/status"))
                  .header("Authorization", "Bearer " + h.token())
                  .header("Accept", LocalHarness.ACCEPT)
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(h.launcher("unused").running()).isPresent();
      // and a half-open one is cut off once its head is overdue
      idle.get(0).setSoTimeout(10_000);
      assertThat(idle.get(0).getInputStream().read()).isEqualTo(-1);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void aBodyThatNeverComes_isCutOffWith408_asHerokuShapedJson() throws Exception {
    start();
    String answer =
        raw(
            "PUT /apps/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
                + auth(h.token()).replace("\r\n\r\n", "\r\n")
                + "\r\n{\"dir\":");
    assertThat(answer).startsWith("HTTP/1.1 408").contains("\"id\":\"request_timeout\"");
  }

  @Test
  void aBodyOverOneMebibyte_is413_asHerokuShapedJson() throws Exception {
    start();
    HttpResponse<String> r =
        h.send("PUT", "/apps/x", "{\"dir\":\"" + "x".repeat(ApiServer.MAX_BODY) + "\"}");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(Json.MAPPER.readTree(r.body()).get("id").asString())
        .isEqualTo("request_entity_too_large");
  }

  @Test
  void badInput_isAHerokuError_thatNamesNoJavaClass() throws Exception {
    start();
    h.app("demo", 0, "web: sleep 1000\nworker: sleep 1000\n");
    h.json(
        "PATCH",
        "/apps/demo/formation",
        "{\"updates\":[{\"type\":\"web\",\"size\":\"performance-m\"},"
            + "{\"type\":\"worker\",\"size\":\"performance-m\"}]}");
    String id = h.json("GET", "/apps/demo", null).get("id").asString();
    List<HttpResponse<String>> answers =
        List.of(
            h.send("PUT", "/apps/other", "{\"dir\":\"/tmp/\\u0000x\",\"port\":0}"),
            h.send(
                "POST",
                "/apps/" + id + "/formation/web/monitors",
                "{\"notification_channels\":[{}],\"min_quantity\":1,\"max_quantity\":2}"),
            h.send("PATCH", "/apps/demo/formation", "{\"updates\":[1]}"),
            h.send("PATCH", "/apps/demo/formation/web", "{\"quantity\":{}}"),
            h.send("PATCH", "/apps/demo/formation/web", "not json"),
            h.send("POST", "/apps/demo/log-sessions", "{\"tail\":{},\"lines\":[]}"));
    for (HttpResponse<String> r : answers) {
      assertThat(r.statusCode()).as(r.body()).isBetween(200, 499);
      if (r.statusCode() >= 400) {
        JsonNode e = Json.MAPPER.readTree(r.body());
        assertThat(e.get("id").asString()).isNotBlank();
        assertThat(e.get("message").asString())
            .doesNotContainPattern("[A-Z]\\w*(Exception|Error)\\b")
            .doesNotContain("java.")
            .doesNotContain("tools.jackson");
      }
    }
  }

  @Test
  void quantitiesOutOfRange_andAnEmptyDynoSize_are422WithHerokusWording() throws Exception {
    start();
    h.app("demo", 0, "web: sleep 1000\n");
    h.json("PATCH", "/apps/demo/formation/web", "{\"quantity\":1}");
    HttpResponse<String> plus =
        h.send("PATCH", "/apps/demo/formation/web", "{\"quantity\":\"+2147483647\"}");
    HttpResponse<String> big =
        h.send("PATCH", "/apps/demo/formation/web", "{\"quantity\":2147483648}");
    HttpResponse<String> minus =
        h.send("PATCH", "/apps/demo/formation/web", "{\"quantity\":\"-2147483649\"}");
    HttpResponse<String> empty = h.send("PATCH", "/apps/demo/formation/web", "{\"dyno_size\":{}}");

    assertThat(plus.statusCode()).isEqualTo(422);
    assertThat(plus.body())
        .contains("invalid_params")
        .contains("Cannot scale to more than 100 Standard-1X size dynos per process type.");
    assertThat(big.statusCode()).isEqualTo(422);
    assertThat(big.body()).contains("Cannot scale to more than 100 Standard-1X");
    assertThat(minus.statusCode()).isEqualTo(422);
    assertThat(minus.body()).contains("Quantity cannot be negative").doesNotContain("2147483648");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("invalid_params").contains("dyno_size");
    assertThat(h.json("GET", "/apps/demo/formation/web", null).get("quantity").asInt())
        .isEqualTo(1);
  }

  @Test
  void stateFilesAreOwnerOnly_andFoldersToo() throws Exception {
    start();
    h.app("demo", 0, "worker: echo hello\n");
    h.log("demo");
    h.daemon.log("demo").line("heroku[worker.1]", "x");
    h.daemon.log("demo").flush();
    for (Path p :
        List.of(
            h.settings.tokenFile(),
            h.settings.daemonFile(),
            h.settings.appsDir().resolve("demo.json"),
            AppLog.fileOf(h.settings.logsDir(), "demo"),
            h.settings.stateDir().resolve("daemon.lock"),
            h.settings.stateDir().resolve("api-port"))) {
      assertThat(perms(p)).as(p.toString()).isEqualTo("rw-------");
    }
    for (Path d : List.of(h.settings.stateDir(), h.settings.appsDir(), h.settings.logsDir())) {
      assertThat(perms(d)).as(d.toString()).isEqualTo("rwx------");
    }
  }

  private static String perms(Path p) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static String auth(String token) {
    return "Authorization: Bearer "
        + token
        + "\r\nAccept: application/vnd.heroku+json; version=3\r\nConnection: close\r\n\r\n";
  }

  /** One raw request (the JDK client will not send a foreign Host); the whole answer. */
  private String raw(String request) throws IOException {
    String full = request.endsWith("\r\n\r\n") ? request : request + "Connection: close\r\n\r\n";
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), h.daemon.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(full.getBytes(StandardCharsets.UTF_8));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
