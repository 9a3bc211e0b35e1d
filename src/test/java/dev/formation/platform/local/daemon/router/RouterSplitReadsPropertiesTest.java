package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.router.RawClient.Response;
import dev.formation.platform.local.daemon.router.ScriptedDyno.Request;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A property of the whole router over generated connections: 1 to 4 valid requests (a GET, a POST
 * with a {@code Content-Length} body, a chunked POST; bodies of arbitrary bytes), pipelined and
 * written to one socket in random pieces with pauses between them (3 ms where a head is cut), so
 * heads, framing and bodies are cut anywhere. Each request reaches the dyno whole with its body,
 * and the client gets the answers in order.
 *
 * <p>{@code -Dformation.router.split.cases=N} and {@code -Dformation.router.seed=S} choose the
 * cases.
 */
class RouterSplitReadsPropertiesTest extends ConformanceRig {
  static final int CASES = Integer.getInteger("formation.router.split.cases", 30);

  /** A request as written, and what the dyno should read of it. */
  private record Sent(String method, String target, byte[] body, byte[] bytes, int headLength) {}

  @Test
  void pipelinedRequests_inRandomPieces_reachTheDynoWhole_andAreAnsweredInOrder() throws Exception {
    dyno.script(
        (r, c) -> {
          byte[] body = answer(r.target(), r.body());
          c.write("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n");
          c.write(body);
        });
    long seed0 = ChunkedFramingPropertiesTest.SEED;
    for (long seed = seed0; seed < seed0 + CASES; seed++) {
      Random r = ChunkedBodies.random(seed);
      List<Sent> sent = new ArrayList<>();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      List<Integer> heads = new ArrayList<>();
      for (int i = 1 + r.nextInt(4); i > 0; i--) {
        heads.add(all.size());
        Sent s = request(r, "/c" + seed + "/r" + sent.size());
        sent.add(s);
        all.writeBytes(s.bytes());
      }
      byte[] bytes = all.toByteArray();
      int[] cuts = cuts(r, bytes.length, heads);
      String what = "seed " + seed + ": " + sent.size() + " requests in " + cuts.length + " pieces";

      try (RawClient c = new RawClient(router.port())) {
        int pos = 0;
        for (int cut : cuts) {
          c.send(Arrays.copyOfRange(bytes, pos, cut));
          pos = cut;
          // none, a tiny pause, or one long enough for the dyno to answer the request before
          // (and the router to look for the end of this head) when a head is cut
          if (insideAHead(cut, heads, sent)) {
            LockSupport.parkNanos(3_000_000);
          } else if (r.nextBoolean()) {
            LockSupport.parkNanos(100_000 + r.nextInt(900_000));
          }
        }
        for (Sent s : sent) {
          Request got = arrived(what + ": " + s.target());
          assertThat(got.method()).as(what).isEqualTo(s.method());
          assertThat(got.target()).as(what).isEqualTo(s.target());
          assertThat(got.body()).as(what + ": body of " + s.target()).isEqualTo(s.body());
        }
        for (Sent s : sent) {
          Response answer = c.read();
          assertThat(answer.status()).as(what).isEqualTo(200);
          assertThat(answer.body()).as(what).isEqualTo(answer(s.target(), s.body()));
        }
      }
    }
  }

  @Test
  void aPipelinedHeadCutAfterABody_isFoundWhenItsEndArrives() throws Exception {
    dyno.script(ScriptedDyno.echo());
    for (int size : new int[] {100, 1500, 3000, 6000, 20_000, 60_000}) {
      byte[] body = new byte[size];
      new Random(size).nextBytes(body);
      String what = "after a body of " + size + " bytes";
      try (RawClient c = new RawClient(router.port())) {
        c.send(
            ChunkedBodies.concat(
                ChunkedBodies.concat(
                    ("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                    body),
                "GET /b HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(c.read().body()).as(what).isEqualTo(body);
        // the router has looked for the end of the second head by now, and not found it
        Thread.sleep(50);
        c.send("\r\n");
        assertThat(arrived(what).target()).as(what).isEqualTo("/a");
        assertThat(arrived(what).target()).as(what).isEqualTo("/b");
        assertThat(c.read().status()).as(what).isEqualTo(200);
      }
    }
  }

  private static boolean insideAHead(int at, List<Integer> heads, List<Sent> sent) {
    for (int i = 0; i < heads.size(); i++) {
      if (at > heads.get(i) && at < heads.get(i) + sent.get(i).headLength()) {
        return true;
      }
    }
    return false;
  }

  /** The next request the dyno read; a failure names the case. */
  private Request arrived(String what) throws InterruptedException {
    try {
      return dyno.next();
    } catch (AssertionError none) {
      throw new AssertionError(what + ": " + none.getMessage(), none);
    }
  }

  private static byte[] answer(String target, byte[] body) {
    return ChunkedBodies.concat((target + "\n").getBytes(StandardCharsets.ISO_8859_1), body);
  }

  /** A GET, a POST with a length, or a chunked POST; a few ordinary fields; CRLF or LF lines. */
  private static Sent request(Random r, String target) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int kind = r.nextInt(3);
    String method = kind == 0 ? "GET" : "POST";
    byte[] body = kind == 0 ? new byte[0] : ChunkedBodies.body(r, 8 * 1024);
    String eol = r.nextBoolean() ? "\r\n" : "\n";
    StringBuilder h = new StringBuilder(method + " " + target + " HTTP/1.1" + eol);
    h.append("Host: x").append(eol);
    for (int n = r.nextInt(4); n > 0; n--) {
      h.append(ValidRequests.ordinaryName(r))
          .append(": ")
          .append(ValidRequests.token(r))
          .append(eol);
    }
    if (kind == 1) {
      h.append("Content-Length: ").append(body.length).append(eol);
    } else if (kind == 2) {
      h.append("Transfer-Encoding: chunked").append(eol);
    }
    h.append(eol);
    head.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (kind == 1) {
      head.writeBytes(body);
    } else if (kind == 2) {
      head.writeBytes(ChunkedBodies.encode(r, body, true).wire());
    }
    return new Sent(method, target, body, head.toByteArray(), h.length());
  }

  /**
   * Up to 20 cut points anywhere, often one inside each head, and often a byte at a time across one
   * of the heads: the pieces a slow or unlucky network makes.
   */
  private static int[] cuts(Random r, int n, List<Integer> heads) {
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int k = r.nextInt(20); k > 0; k--) {
      cuts.add(1 + r.nextInt(n));
    }
    for (int head : heads) {
      // a piece that ends inside a head: what came before it (a body's end) is in the same read
      if (r.nextBoolean()) {
        cuts.add(Math.min(n, head + 1 + r.nextInt(24)));
      }
    }
    if (r.nextBoolean()) {
      int from = Math.max(1, heads.get(r.nextInt(heads.size())) - r.nextInt(8));
      for (int at = from; at < Math.min(n, from + 48); at++) {
        cuts.add(at);
      }
    }
    cuts.add(n);
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }
}
