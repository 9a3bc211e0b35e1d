package dev.formation.platform.local.daemon.router;

import io.netty.buffer.ByteBuf;

/**
 * Follows a chunked body (RFC 9112 7.1) as it streams past, to find where it ends: the bytes pass
 * on as they came, and only the framing is read. Strict where a client's body goes to a dyno (CRLF
 * only, at most 16 hex digits, no control characters in extensions), so a dyno cannot read the
 * framing differently; a dyno's answer may end its lines with a bare LF.
 */
final class ChunkedFraming {
  /** Where the data bytes of a body are, for a reader that wants them without the framing. */
  interface Data {
    void range(int index, int length);
  }

  private static final int MAX_EXTENSION = 4096;
  private static final int MAX_TRAILERS = 16384;

  private enum State {
    SIZE,
    SIZE_SPACE,
    EXTENSION,
    SIZE_LF,
    DATA,
    DATA_CR,
    DATA_LF,
    TRAILER,
    TRAILER_LF,
    DONE
  }

  private final boolean strict;
  private State state = State.SIZE;
  private long size;
  private int digits;
  private int lineBytes;
  private int trailerBytes;

  /**
   * @param strict whether lines must end in CRLF (a client's body) or may end in a bare LF
   */
  ChunkedFraming(boolean strict) {
    this.strict = strict;
  }

  boolean done() {
    return state == State.DONE;
  }

  /**
   * Reads framing from {@code buf}'s reader index on, without moving it, up to the end of the body
   * at most; returns how many bytes belong to the body. Tells {@code data} (when not null) where
   * each run of data bytes is.
   *
   * @throws BadMessage for framing that is not chunked
   */
  int consume(ByteBuf buf, Data data) throws BadMessage {
    int start = buf.readerIndex();
    int i = start;
    int end = buf.writerIndex();
    while (i < end && state != State.DONE) {
      if (state == State.DATA) {
        int n = (int) Math.min(size, end - i);
        if (data != null) {
          data.range(i, n);
        }
        i += n;
        size -= n;
        if (size == 0) {
          state = State.DATA_CR;
        }
        continue;
      }
      step(buf.getByte(i++));
    }
    return i - start;
  }

  private void step(byte b) throws BadMessage {
    switch (state) {
      case SIZE -> {
        int v = Character.digit(b, 16);
        if (v >= 0 && b < 0x80) {
          // past 2^63 - 1 the size would turn negative: a chunk that never ends, or ends at once
          if (++digits > 16 || size > Long.MAX_VALUE >>> 4) {
            throw new BadMessage("chunk size too large");
          }
          size = size << 4 | v;
        } else if (digits == 0) {
          throw new BadMessage("bad chunk size");
        } else {
          afterSize(b);
        }
      }
      case SIZE_SPACE -> afterSize(b);
      case EXTENSION -> {
        if (b == '\r' || b == '\n') {
          lineEnd(b);
        } else if (!HttpBytes.vchar(b) || ++lineBytes > MAX_EXTENSION) {
          throw new BadMessage("bad chunk extension");
        }
      }
      case SIZE_LF -> expectLf(b);
      case DATA_CR -> {
        if (b == '\r') {
          state = State.DATA_LF;
        } else if (b == '\n' && !strict) {
          nextChunk();
        } else {
          throw new BadMessage("chunk data longer than its size");
        }
      }
      case DATA_LF -> {
        if (b != '\n') {
          throw new BadMessage("bare CR after chunk data");
        }
        nextChunk();
      }
      case TRAILER -> {
        if (b == '\r') {
          state = State.TRAILER_LF;
        } else if (b == '\n' && !strict) {
          trailerLineEnd();
        } else if (!HttpBytes.vchar(b) || b == '\n' || ++trailerBytes > MAX_TRAILERS) {
          throw new BadMessage("bad trailer");
        } else {
          lineBytes++;
        }
      }
      case TRAILER_LF -> {
        if (b != '\n') {
          throw new BadMessage("bare CR in trailer");
        }
        trailerLineEnd();
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  /** After the size's digits: spaces, an extension, or the end of the line. */
  private void afterSize(byte b) throws BadMessage {
    if (b == ' ' || b == '\t') {
      state = State.SIZE_SPACE;
    } else if (b == ';') {
      state = State.EXTENSION;
      lineBytes = 0;
    } else if (b == '\r' || b == '\n') {
      lineEnd(b);
    } else {
      throw new BadMessage("bad chunk size");
    }
  }

  private void lineEnd(byte b) throws BadMessage {
    if (b == '\r') {
      state = State.SIZE_LF;
    } else if (strict) {
      throw new BadMessage("bare LF in chunk framing");
    } else {
      sizeLineDone();
    }
  }

  private void expectLf(byte b) throws BadMessage {
    if (b != '\n') {
      throw new BadMessage("bare CR in chunk framing");
    }
    sizeLineDone();
  }

  private void sizeLineDone() {
    if (size == 0) {
      state = State.TRAILER;
      lineBytes = 0;
    } else {
      state = State.DATA;
    }
  }

  private void nextChunk() {
    state = State.SIZE;
    size = 0;
    digits = 0;
  }

  private void trailerLineEnd() {
    if (lineBytes == 0) {
      state = State.DONE;
    } else {
      lineBytes = 0;
      state = State.TRAILER;
    }
  }
}
