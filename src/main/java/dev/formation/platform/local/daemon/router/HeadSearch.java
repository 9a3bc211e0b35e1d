package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;

/**
 * Where the search for the end of a head stands in a connection's kept bytes, so that a head that
 * arrives a few bytes at a time is not searched again from its start. Kept as a count from the
 * reader index, not as an index: the kept bytes may move when more are appended (compacted, or
 * copied while a slice of them is still being written).
 */
final class HeadSearch {
  private int searched;

  /**
   * The index past the blank line of the head that starts at {@code in}'s reader index, or -1 while
   * it is incomplete; the next call goes on where this one stopped.
   */
  int end(ByteBuf in) {
    int end = HttpBytes.headEnd(in, in.readerIndex() + searched);
    searched = end < 0 ? in.readableBytes() : 0;
    return end;
  }

  /** The kept bytes are gone: the next head is searched from its start. */
  void reset() {
    searched = 0;
  }
}
