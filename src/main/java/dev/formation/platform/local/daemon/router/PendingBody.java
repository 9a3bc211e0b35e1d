package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/** The bytes of a request body that came while no dyno was connected yet. */
final class PendingBody {
  /** Body bytes kept before the client's reading stops. */
  static final int MAX_PENDING = 256 * 1024;

  private final List<ByteBuf> parts = new ArrayList<>();
  private long bytes;

  /** Keeps a part; returns whether the client's reading should stop until a dyno takes them. */
  boolean add(ByteBuf part) {
    parts.add(part);
    bytes += part.readableBytes();
    return bytes > MAX_PENDING;
  }

  /**
   * Writes (without flushing) the kept parts to the dyno's connection and forgets them; returns
   * whether there were any.
   */
  boolean writeTo(Channel dyno) {
    boolean any = !parts.isEmpty();
    for (ByteBuf part : parts) {
      dyno.write(part, dyno.voidPromise());
    }
    parts.clear();
    bytes = 0;
    return any;
  }

  /** Drops the kept parts, whose request will not reach a dyno. */
  void release() {
    parts.forEach(ByteBuf::release);
    parts.clear();
    bytes = 0;
  }
}
