package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.router.RawClient.Response;
import dev.formation.platform.local.daemon.router.ScriptedDyno.Request;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The router's contract for message framing, on raw sockets: HTTP/1.0 and {@code Connection:
 * close}, pipelining, bodiless responses, chunked and close-delimited bodies, interim responses, a
 * slow reader, a dyno that fails mid-way, and an upgrade.
 */
class RouterFramingTest extends ConformanceRig {
  private static final String CHUNKED =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";

  @Test
  void http10_withoutKeepAlive_isAnswered_thenClosed() throws Exception {
    RawClient c = client().send("GET /old HTTP/1.0\r\nHost: x\r\n\r\n");
    assertThat(c.read().text()).isEqualTo("ok");
    assertThat(c.closedWithNothingMore()).isTrue();
  }

  @Test
  void http10_withKeepAlive_staysOpen() throws Exception {
    RawClient c = client();
    for (int i = 0; i < 2; i++) {
      c.send("GET /old HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
      Response r = c.read();
      assertThat(r.text()).isEqualTo("ok");
      assertThat(r.lists("Connection", "keep-alive")).as("Connection: keep-alive").isTrue();
    }
  }

  @Test
  void http10_withoutHost_reachesTheDynoWithAHost() throws Exception {
    RawClient c = client().send("GET /old HTTP/1.0\r\n\r\n");
    assertThat(c.read().status()).isEqualTo(200);
    assertThat(dyno.next().header("Host")).isNotBlank();
  }

  @Test
  void connectionClose_isAnswered_withConnectionClose_thenEof() throws Exception {
    RawClient c = client().send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    Response r = c.read();
    assertThat(r.text()).isEqualTo("ok");
    assertThat(r.lists("Connection", "close")).as("Connection: close").isTrue();
    assertThat(c.closedWithNothingMore()).isTrue();
  }

  @Test
  void threePipelinedRequests_inOneWrite_areAnsweredInOrder() throws Exception {
    dyno.script(
        (r, conn) -> {
          String body =
              r.method()
                  + " "
                  + r.target()
                  + " "
                  + new String(r.body(), StandardCharsets.ISO_8859_1);
          conn.write("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        });
    RawClient c = client();
    c.send(
        "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(c.read().text()).isEqualTo("GET /1 ");
    assertThat(c.read().text()).isEqualTo("POST /2 hello");
    assertThat(c.read().text()).isEqualTo("GET /3 ");
  }

  @Test
  void aPipelinedHead_splitAcrossReads_afterALargeRequest_isStillFound() throws Exception {
    // the first request takes most of the read buffer, so the router compacts it when the rest of
    // the second head comes: where the search for that head's end stopped must move with it
    dyno.script(
        (r, conn) ->
            conn.write(
                "HTTP/1.1 200 OK\r\nContent-Length: "
                    + r.target().length()
                    + "\r\n\r\n"
                    + r.target()));
    RawClient c = client();
    c.send(
        "GET /1 HTTP/1.1\r\nHost: x\r\nX-Pad: "
            + "p".repeat(3000)
            + "\r\n\r\nGET /2 HTTP/1.1\r\nHo");
    assertThat(c.read().text()).isEqualTo("/1");
    c.send("st: x\r\n\r\n");
    assertThat(c.read().text()).isEqualTo("/2");
  }

  @Test
  void bodilessResponses_headAnd204And304_leaveTheConnectionUsable() throws Exception {
    dyno.script(
        (r, conn) ->
            conn.write(
                switch (r.target()) {
                  case "/head" -> "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
                  case "/204" -> "HTTP/1.1 204 No Content\r\n\r\n";
                  case "/304" -> "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n";
                  default -> "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext";
                }));
    RawClient c = client();
    c.send("HEAD /head HTTP/1.1\r\nHost: x\r\n\r\n");
    Response head = c.read(true);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("1234");
    for (String target : new String[] {"/204", "/304"}) {
      c.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("next");
      c.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(Integer.parseInt(target.substring(1)));
    }
    c.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(c.read().text()).isEqualTo("next");
  }

  @Test
  void chunkedResponse_reachesA11ClientChunked() throws Exception {
    dyno.script(ScriptedDyno.raw(CHUNKED));
    RawClient c = client().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    Response r = c.read();
    assertThat(r.chunked()).isTrue();
    assertThat(r.text()).isEqualTo("hello world");
  }

  @Test
  void chunkedResponse_reachesA10ClientUnchunked_endingAtClose() throws Exception {
    dyno.script(ScriptedDyno.raw(CHUNKED));
    RawClient c = client().send("GET / HTTP/1.0\r\nHost: x\r\n\r\n");
    Response head = c.readHead();
    assertThat(head.header("Transfer-Encoding")).isNull();
    assertThat(new String(c.in().readAllBytes(), StandardCharsets.ISO_8859_1))
        .isEqualTo("hello world");
  }

  @Test
  void closeDelimitedResponse_reachesA11ClientWhole() throws Exception {
    String body = "until the dyno closes".repeat(100);
    dyno.script(untilClose(body));
    RawClient c = client().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    Response r = c.read();
    assertThat(r.text()).isEqualTo(body);
    if (r.chunked()) {
      c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read().text()).isEqualTo(body);
    } else {
      assertThat(r.header("Content-Length")).isNull();
    }
  }

  @Test
  void closeDelimitedResponse_reachesA10Client_thenEof() throws Exception {
    String body = "until the dyno closes".repeat(100);
    dyno.script(untilClose(body));
    RawClient c = client().send("GET / HTTP/1.0\r\nHost: x\r\n\r\n");
    Response r = c.read();
    assertThat(r.text()).isEqualTo(body);
    assertThat(c.closedWithNothingMore()).isTrue();
  }

  @Test
  void expect100Continue_getsA100_thenTheAnswer_andTheDynoNoExpect() throws Exception {
    dyno.script(ScriptedDyno.echo());
    RawClient c = client();
    c.send("PUT /up HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\nExpect: 100-continue\r\n\r\n");
    Response go = c.read();
    assertThat(go.line()).startsWith("HTTP/1.1 100");
    c.send("payload");
    assertThat(c.read().text()).isEqualTo("payload");
    Request got = dyno.next();
    assertThat(got.header("Expect")).isNull();
    assertThat(got.body()).asString(StandardCharsets.ISO_8859_1).isEqualTo("payload");
  }

  @Test
  void earlyHints_reachTheClient_beforeTheAnswer() throws Exception {
    dyno.script(
        ScriptedDyno.raw(
            "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    RawClient c = client().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    Response hints = c.read();
    assertThat(hints.status()).isEqualTo(103);
    assertThat(hints.header("Link")).isEqualTo("</style.css>; rel=preload; as=style");
    Response r = c.read();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("ok");
  }

  @Test
  void largeResponse_toASlowReader_arrivesWhole() throws Exception {
    byte[] big = new byte[8 << 20];
    new Random(5).nextBytes(big);
    dyno.script(
        (r, conn) -> {
          conn.write("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n");
          conn.write(big);
        });
    RawClient c = client().send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(c.readHead().header("Content-Length")).isEqualTo(String.valueOf(big.length));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = c.in();
    while (got.size() < big.length) {
      byte[] part = in.readNBytes(Math.min(64 << 10, big.length - got.size()));
      assertThat(part).as("bytes after %d", got.size()).isNotEmpty();
      got.writeBytes(part);
      // a slow reader: the router has to hold back, not drop or buffer without end
      Thread.sleep(5);
    }
    assertThat(got.toByteArray()).isEqualTo(big);
  }

  @Test
  void dynoClosingInTheMiddleOfItsBody_endsTheClientsConnection() throws Exception {
    dyno.script(
        (r, conn) -> {
          conn.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(400));
          conn.close();
        });
    RawClient c = client().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    Response r = c.read();
    assertThat(r.whole()).isFalse();
    assertThat(r.body().length).isLessThan(1000);
  }

  @Test
  void garbageFromTheDyno_isA5xx_withH13() throws Exception {
    dyno.script(ScriptedDyno.raw("NOT HTTP\r\n\r\n"));
    Response r = client().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
    assertThat(r.status()).isBetween(500, 599);
    awaitLog("code=H13");
  }

  @Test
  void dynoClosingWithoutAnswer_isA5xx_withH13() throws Exception {
    dyno.script((r, conn) -> conn.close());
    Response r = client().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
    assertThat(r.status()).isBetween(500, 599);
    awaitLog("code=H13");
  }

  @Test
  void upgrade_thenBytesPassBothWaysUntouched() throws Exception {
    dyno.script(
        (r, conn) -> {
          conn.write(
              "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
          // echoes every byte, each plus one, so that an echo cannot come from the router
          InputStream in = conn.in();
          for (int b = in.read(); b >= 0; b = in.read()) {
            conn.write(new byte[] {(byte) (b + 1)});
          }
          conn.close();
        });
    RawClient c = client();
    c.send(
        "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    Response switched = c.readHead();
    assertThat(switched.status()).isEqualTo(101);
    assertThat(switched.header("Upgrade")).isEqualToIgnoringCase("websocket");
    Request got = dyno.next();
    assertThat(got.header("Upgrade")).isEqualTo("websocket");
    assertThat(got.lists("Connection", "upgrade")).isTrue();
    Random random = new Random(9);
    for (int frame = 0; frame < 3; frame++) {
      byte[] bytes = new byte[1 + random.nextInt(300)];
      random.nextBytes(bytes);
      c.send(bytes);
      byte[] back = c.in().readNBytes(bytes.length);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i]++;
      }
      assertThat(back).isEqualTo(bytes);
    }
  }

  /** Answers without {@code Content-Length} or chunks: the body ends where the dyno closes. */
  private static ScriptedDyno.Script untilClose(String body) {
    return (r, conn) -> {
      conn.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" + body);
      conn.close();
    };
  }
}
