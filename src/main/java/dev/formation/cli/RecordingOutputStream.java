package dev.formation.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output as formation writes it: the stream passes every write on and remembers the first
 * failure, whose reason ("No space left on device", "Broken pipe") the {@link java.io.PrintWriter}
 * above it would otherwise swallow.
 */
public final class RecordingOutputStream extends FilterOutputStream {
  private volatile String failure;

  public RecordingOutputStream(OutputStream out) {
    super(out);
  }

  /** Why a write or flush failed first, or {@code null} while none has. */
  public String failure() {
    return failure;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw record(e);
    }
  }

  private IOException record(IOException e) {
    if (failure == null) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return e;
  }
}
