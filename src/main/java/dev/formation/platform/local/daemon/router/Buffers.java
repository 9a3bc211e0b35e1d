package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The bytes a connection has read and not yet handled, kept between reads. */
final class Buffers {
  private Buffers() {}

  /**
   * {@code kept} with {@code read} after it; releases {@code read}. Copies into a new buffer when
   * part of {@code kept} was handed on (a slice of it is still being written somewhere).
   */
  static ByteBuf append(ByteBuf kept, ByteBuf read, ByteBufAllocator alloc) {
    if (kept == null) {
      return read;
    }
    if (!kept.isReadable()) {
      kept.release();
      return read;
    }
    try {
      if (kept.refCnt() == 1) {
        if (kept.readerIndex() > kept.capacity() / 2) {
          kept.discardReadBytes();
        }
        kept.writeBytes(read);
        return kept;
      }
      ByteBuf copy = alloc.buffer(kept.readableBytes() + read.readableBytes());
      copy.writeBytes(kept).writeBytes(read);
      kept.release();
      return copy;
    } finally {
      read.release();
    }
  }

  /** Releases {@code b} unless it is null; returns null, for {@code b = release(b)}. */
  static ByteBuf release(ByteBuf b) {
    if (b != null) {
      b.release();
    }
    return null;
  }
}
