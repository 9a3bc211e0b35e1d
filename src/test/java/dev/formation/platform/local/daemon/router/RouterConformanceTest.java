package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.router.RawClient.Response;
import dev.formation.platform.local.daemon.router.ScriptedDyno.Header;
import dev.formation.platform.local.daemon.router.ScriptedDyno.Request;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The router's contract for what reaches the dyno, on raw sockets: bodies and targets byte-exact,
 * the client's headers kept in order, hop-by-hop headers dropped both ways, the forwarding headers
 * set once each. {@code RouterFramingTest} checks message framing, {@code RouterRefusalsTest} the
 * requests the router must refuse.
 */
class RouterConformanceTest extends ConformanceRig {
  private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void contentLengthBodies_passBothWays_byteExact() throws Exception {
    dyno.script(ScriptedDyno.echo());
    byte[] everyByte = new byte[256];
    for (int i = 0; i < 256; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] large = new byte[300 * 1024];
    new Random(11).nextBytes(large);
    RawClient c = client();
    for (byte[] body : List.of(everyByte, large)) {
      c.send(post("/up", body.length)).send(body);
      assertThat(dyno.next().body()).isEqualTo(body);
      Response r = c.read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(body);
    }
  }

  @Test
  void chunkedRequestBody_reachesTheDyno_asTheSameBytes() throws Exception {
    dyno.script(ScriptedDyno.echo());
    RawClient c = client();
    c.send("POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    Random random = new Random(3);
    for (int size : new int[] {1, 100, 4096, 17}) {
      byte[] chunk = new byte[size];
      random.nextBytes(chunk);
      sent.writeBytes(chunk);
      c.send(Integer.toHexString(size) + "\r\n").send(chunk).send(CRLF);
      // a pause, so that the chunks reach the router in separate reads
      Thread.sleep(15);
    }
    c.send("0\r\n\r\n");
    assertThat(dyno.next().body()).isEqualTo(sent.toByteArray());
    assertThat(c.read().body()).isEqualTo(sent.toByteArray());
  }

  @Test
  void requestWithoutLengthOrChunks_hasNoBody_andTheConnectionGoesOn() throws Exception {
    dyno.script(ScriptedDyno.ok("fine"));
    RawClient c = client();
    c.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
    Request first = dyno.next();
    assertThat(first.body()).isEmpty();
    assertThat(first.header("Transfer-Encoding")).isNull();
    assertThat(first.header("Content-Length")).isIn(null, "0");
    assertThat(c.read().text()).isEqualTo("fine");
    c.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(dyno.next().target()).isEqualTo("/two");
    assertThat(c.read().text()).isEqualTo("fine");
  }

  @Test
  void requestTarget_reachesTheDyno_byteExact() throws Exception {
    String query = "/q?" + "k=v%20w&".repeat(250);
    assertThat(query).hasSizeGreaterThan(2000);
    RawClient c = client();
    for (String target : List.of("/a%20b/c?x=1&y=%2F&z=", query)) {
      c.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(dyno.next().target()).isEqualTo(target);
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  @Test
  void headerValues_obsText_aHundredHeaders_andTheirOrder_reachTheDyno() throws Exception {
    String utf8 =
        new String(
            "caf\u00e9 \u00ff".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    List<Header> mine = new ArrayList<>();
    mine.add(new Header("X-Text", utf8 + "\u0080\u00fe"));
    for (int i = 0; i < 100; i++) {
      // names out of alphabetical order, so that a sorted copy would show
      mine.add(new Header("X-Custom-" + ((i * 37) % 100), "value " + i));
    }
    mine.add(new Header("Accept", "*/*"));
    StringBuilder req = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
    mine.forEach(h -> req.append(h.name()).append(": ").append(h.value()).append("\r\n"));
    client().send(req.append("\r\n").toString());
    Request got = dyno.next();
    List<Header> kept =
        got.headers().stream()
            .filter(h -> h.name().startsWith("X-Custom-") || h.is("X-Text") || h.is("Accept"))
            .toList();
    assertThat(kept).containsExactlyElementsOf(mine);
    byte[] raw = got.header("X-Text").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(raw)
        .isEqualTo(
            new byte[] {
              'c',
              'a',
              'f',
              (byte) 0xc3,
              (byte) 0xa9,
              ' ',
              (byte) 0xc3,
              (byte) 0xbf,
              (byte) 0x80,
              (byte) 0xfe
            });
  }

  @Test
  void hopByHopHeaders_neverPassOn_eitherWay() throws Exception {
    dyno.script(
        ScriptedDyno.raw(
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=77\r\n"
                + "Connection: keep-alive, X-Dyno-Secret\r\nX-Dyno-Secret: d\r\nX-Dyno-Kept: k\r\n\r\nok"));
    RawClient c = client();
    c.send(
        "GET /hop HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, X-Secret\r\nKeep-Alive: timeout=5\r\n"
            + "Proxy-Connection: keep-alive\r\nTE: trailers\r\nTrailer: X-Checksum\r\n"
            + "Upgrade: h2c\r\nProxy-Authorization: Basic dXNlcjpwdw==\r\nX-Secret: s\r\n"
            + "X-Kept: k\r\n\r\n");
    Request got = dyno.next();
    assertThat(got.header("X-Kept")).isEqualTo("k");
    for (String hop :
        List.of(
            "Keep-Alive",
            "Proxy-Connection",
            "TE",
            "Trailer",
            "Upgrade",
            "Proxy-Authorization",
            "X-Secret")) {
      assertThat(got.header(hop)).as(hop).isNull();
    }
    // the router's connection to the dyno may say keep-alive, never what the client said
    assertThat(got.all("Connection"))
        .allSatisfy(v -> assertThat(v.toLowerCase(Locale.ROOT)).doesNotContain("x-secret"));
    Response r = c.read();
    assertThat(r.header("X-Dyno-Kept")).isEqualTo("k");
    assertThat(r.header("X-Dyno-Secret")).isNull();
    assertThat(r.all("Keep-Alive")).doesNotContain("timeout=77");
    assertThat(r.lists("Connection", "X-Dyno-Secret")).isFalse();
  }

  @Test
  void forwardingHeaders_areSetOnceEach() throws Exception {
    String id = "abc.DEF+ghi=jkl/mno-pqr_stu";
    RawClient c = client();
    c.send(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.2.3.4\r\nX-Forwarded-Proto: https\r\n"
            + "X-Forwarded-Port: 9999\r\nX-Request-Start: 1\r\nX-Request-Id: "
            + id
            + "\r\n\r\n");
    Request got = dyno.next();
    assertThat(got.all("X-Forwarded-For")).containsExactly("1.2.3.4, 127.0.0.1");
    assertThat(got.all("X-Forwarded-Proto")).containsExactly("http");
    assertThat(got.all("X-Forwarded-Port")).containsExactly(String.valueOf(router.port()));
    assertThat(got.all("X-Request-Id")).containsExactly(id);
    assertThat(got.all("X-Request-Start"))
        .singleElement()
        .asString()
        .matches("\\d+")
        .isNotEqualTo("1");
    c.read();
    for (String bad : List.of("short", "has spaces in it, twenty chars and more")) {
      c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + bad + "\r\n\r\n");
      Request next = dyno.next();
      assertThat(next.all("X-Request-Id"))
          .singleElement()
          .asString()
          .isNotEqualTo(bad)
          .matches("[-\\w.+=/]{20,200}");
      assertThat(next.all("X-Forwarded-For")).containsExactly("127.0.0.1");
      c.read();
    }
  }

  static String post(String target, int length) {
    return "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n";
  }
}
