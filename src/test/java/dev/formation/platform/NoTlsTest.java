package dev.formation.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoTlsTest {
  @Test
  void aClientWithIt_speaksPlainHttp_butCannotMakeATlsConnection() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "plain".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(NoTls.context())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      int port = server.getAddress().getPort();

      HttpResponse<String> plain =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(plain.body()).isEqualTo("plain");

      // the same server, spoken to over TLS: no handshake is even attempted
      HttpRequest tls =
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build();
      assertThatThrownBy(() -> client.send(tls, HttpResponse.BodyHandlers.ofString()))
          .satisfies(
              e ->
                  assertThat(e)
                      .isInstanceOfAny(IOException.class, UnsupportedOperationException.class))
          .hasStackTraceContaining(NoTls.REFUSAL);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void context_makesNoEngineAndNoSocket() {
    assertThatThrownBy(() -> NoTls.context().createSSLEngine())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(NoTls.REFUSAL);
    assertThatThrownBy(() -> NoTls.context().getSocketFactory())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(NoTls.context().getDefaultSSLParameters().getProtocols()).isNull();
  }
}
