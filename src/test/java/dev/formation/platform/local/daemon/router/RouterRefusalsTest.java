package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.router.RawClient.Response;
import dev.formation.platform.local.daemon.router.ScriptedDyno.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the router must refuse, on raw sockets: ambiguous framing (the stuff of request
 * smuggling), malformed heads, oversized ones, unknown versions. Each gets an error status, its
 * connection then closes, and nothing of it reaches the dyno.
 */
class RouterRefusalsTest extends ConformanceRig {
  private static final String POST = "POST /bad HTTP/1.1\r\nHost: x\r\n";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
      })
  void contentLengthAndChunked_is400(String rest) throws Exception {
    refused(POST + rest, 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "Content-Length: 5, 6\r\n\r\nhello!",
        "Content-Length: 5x\r\n\r\nhello",
        "Content-Length: -1\r\n\r\nhello",
        "Content-Length: +5\r\n\r\nhello",
        "Content-Length: 99999999999999999999\r\n\r\nhello"
      })
  void aBadContentLength_is400(String rest) throws Exception {
    refused(POST + rest, 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST /bad HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nhello",
        "POST /bad HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "POST /bad HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
      })
  void transferEncodingOtherThanFinalChunked_orChunkedIn10_is400(String request) throws Exception {
    refused(request, 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"  folded", "\tfolded"})
  void anObsFoldedHeaderLine_is400(String fold) throws Exception {
    refused("GET /bad HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n" + fold + "\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host : x", "X@Y: 1", "X Y: 1", ": empty"})
  void aMalformedHeaderName_is400(String line) throws Exception {
    refused("GET /bad HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /bad\r\n\r\n", "\u00ff\u00fe\u0001garbage\u0002\r\n\r\n"})
  void aMalformedRequestLine_is400(String request) throws Exception {
    refused(request, 400);
  }

  @Test
  void aRequestLineWithTwoSpaces_is400() throws Exception {
    refused("GET  /bad HTTP/1.1\r\nHost: x\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(ints = {8193, 20_000})
  void aRequestLineOver8KiB_is414Or400(int length) throws Exception {
    String target = "/bad?" + "a".repeat(length);
    refused("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, 400);
  }

  @ParameterizedTest
  @ValueSource(ints = {17, 40})
  void headersOver16KiB_is431Or400(int kib) throws Exception {
    StringBuilder req = new StringBuilder("GET /bad HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < kib; i++) {
      req.append("X-Big-").append(i).append(": ").append("v".repeat(1024)).append("\r\n");
    }
    refused(req.append("\r\n").toString(), 431, 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz", "10000000000000000"})
  void aBadChunkSize_closesTheConnection_andNoWholeRequestReachesTheDyno(String size)
      throws Exception {
    RawClient c = client();
    c.send(
        POST + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n" + size + "\r\nmore\r\n0\r\n\r\n");
    Response r = c.read();
    assertThat(r.status()).isEqualTo(400);
    assertThat(c.closedWithNothingMore()).isTrue();
    probe();
    assertThat(dyno.requests()).extracting(Request::target).doesNotContain("/bad");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/1.2", "HTTP/3.0"})
  void anUnknownVersion_is505Or400(String version) throws Exception {
    refused("GET /bad " + version + "\r\nHost: x\r\n\r\n", 505, 400);
  }

  /** Sends a request the router must refuse with one of {@code statuses}, then close. */
  private void refused(String request, Integer... statuses) throws Exception {
    RawClient c = client().send(request);
    Response r = c.read();
    assertThat(r.status())
        .as("answer to %s", request.lines().findFirst().orElse(""))
        .isIn((Object[]) statuses);
    assertThat(c.closedWithNothingMore()).as("connection closed after the answer").isTrue();
    probe();
    assertThat(dyno.requests()).extracting(Request::target).containsExactly("/probe");
    assertThat(dyno.incomplete()).isEmpty();
    assertThat(dyno.connections()).as("connections the dyno saw").isEqualTo(1);
  }

  /**
   * A good request after a refused one: once it is answered, whatever the router had passed on of
   * the refused one has reached the dyno too.
   */
  private void probe() throws Exception {
    Response r = client().send("GET /probe HTTP/1.1\r\nHost: x\r\n\r\n").read();
    assertThat(r.status()).isEqualTo(200);
  }
}
