package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadTest {
  private static RequestHead read(String head, AdaptiveByteBufAllocator alloc) throws BadMessage {
    ByteBuf in = Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1);
    HeadFields f = new HeadFields();
    f.read(in, 0, in.readableBytes(), 8192, 414, 16384);
    return RequestHead.read(f, alloc, "127.0.0.1", 5000, 0, 0);
  }

  @Test
  void releasingTwice_neverFreesTheBufferThePoolHandedOutNext() throws Exception {
    // an adaptive (Netty's default) buffer, once freed, is handed out again as the same object: a
    // second release of
    // the first owner must not free the second owner's buffer (a count > 0 proves nothing)
    AdaptiveByteBufAllocator alloc = new AdaptiveByteBufAllocator();
    RequestHead h = read("GET / HTTP/1.1\r\nHost: x\r\n\r\n", alloc);
    h.release();
    RequestHead next = read("GET /next HTTP/1.1\r\nHost: x\r\n\r\n", alloc);
    h.release();
    ByteBuf head = next.toDyno();
    try {
      assertThat(head.toString(StandardCharsets.ISO_8859_1)).startsWith("GET /next HTTP/1.1\r\n");
    } finally {
      head.release();
      next.release();
    }
  }

  @Test
  void moreConnectionFieldsThanAnyClientSends_areRefused() {
    // each Connection field is searched for every other field's name: their number is bounded
    String head = "GET / HTTP/1.1\r\nHost: x\r\n" + "Connection: a\r\n".repeat(9) + "\r\n";
    assertThatThrownBy(() -> read(head, new AdaptiveByteBufAllocator()))
        .isInstanceOfSatisfying(BadMessage.class, e -> assertThat(e.status).isEqualTo(400));
  }

  @Test
  void theProtocolName_isCaseSensitive() {
    assertThatThrownBy(
            () -> read("GET / Http/1.1\r\nHost: x\r\n\r\n", new AdaptiveByteBufAllocator()))
        .isInstanceOfSatisfying(BadMessage.class, e -> assertThat(e.status).isEqualTo(400));
  }
}
