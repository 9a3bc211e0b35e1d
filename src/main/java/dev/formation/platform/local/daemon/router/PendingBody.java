package dev.formation.platform.local.daemon.router;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/** The parts of a request body that came while no dyno was connected yet. */
final class PendingBody {
  /** Body bytes kept before the client's reading stops. */
  static final int MAX_PENDING = 256 * 1024;

  private final List<HttpContent> parts = new ArrayList<>();
  private long bytes;

  /** Keeps a part; returns whether the client's reading should stop until a dyno takes them. */
  boolean add(HttpContent c) {
    parts.add(c);
    bytes += c.content().readableBytes();
    return bytes > MAX_PENDING;
  }

  /** What {@link #writeTo} wrote: whether any body byte, and whether the body's end. */
  record Written(boolean bodySent, boolean lastWritten) {}

  /** Writes (without flushing) the kept parts to the dyno's connection and forgets them. */
  Written writeTo(Channel dyno) {
    boolean sent = false;
    boolean last = false;
    for (HttpContent c : parts) {
      sent |= c.content().isReadable();
      last |= c instanceof LastHttpContent;
      dyno.write(c, dyno.voidPromise());
    }
    parts.clear();
    bytes = 0;
    return new Written(sent, last);
  }

  /** Drops the kept parts, whose request will not reach a dyno. */
  void release() {
    parts.forEach(ReferenceCountUtil::release);
    parts.clear();
    bytes = 0;
  }
}
