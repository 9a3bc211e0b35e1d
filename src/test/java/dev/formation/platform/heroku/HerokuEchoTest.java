package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that echoes the request's credentials in its error message (some proxies do). */
class HerokuEchoTest {
  @TempDir Path home;

  @Test
  void apiMessageEchoingTheToken_isShownWithTheTokenRedacted() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String auth = ex.getRequestHeaders().getFirst("Authorization");
          byte[] body =
              ("{\"id\":\"invalid_params\",\"message\":\"rejected header " + auth + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(422, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      HerokuPlatform platform =
          new HerokuPlatform(
              HerokuConfig.fromEnvironment(
                  Map.of("HEROKU_API_KEY", "tok-echo-secret"), home, url, "1"));

      assertThatThrownBy(() -> platform.read("shop", false))
          .hasMessageContaining("rejected header Bearer " + HttpTrace.REDACTED)
          .hasMessageNotContaining("tok-echo-secret");
    } finally {
      server.stop(0);
    }
  }
}
