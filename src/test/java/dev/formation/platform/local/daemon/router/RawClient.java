package dev.formation.platform.local.daemon.router;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the router on a raw socket: writes bytes exactly as given, reads responses one after
 * the other (interim {@code 1xx} ones too), each framed as HTTP/1.1 says: none for {@code HEAD},
 * {@code 1xx}, {@code 204} and {@code 304}, else chunked, {@code Content-Length}, or until close.
 */
final class RawClient implements AutoCloseable {
  /** How long any read waits. */
  static final int READ_TIMEOUT_MS = 5000;

  /** A response as the client read it; {@code whole} is false when the connection ended early. */
  record Response(String line, List<ScriptedDyno.Header> headers, byte[] body, boolean whole)
      implements HeaderLookup {
    int status() {
      return Integer.parseInt(line.split(" ", 3)[1]);
    }

    String version() {
      return line.split(" ", 2)[0];
    }

    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private final Socket socket;
  private final InputStream in;

  RawClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream());
  }

  RawClient send(String latin1) throws IOException {
    return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawClient send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** The next response, framed as the answer to a request other than {@code HEAD}. */
  Response read() throws IOException {
    return read(false);
  }

  /** The next response; {@code head}: the answer to a {@code HEAD} request, which has no body. */
  Response read(boolean head) throws IOException {
    Response r = readHead();
    int status = r.status();
    if (head || status < 200 || status == 204 || status == 304) {
      return r;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean whole;
    if (r.chunked()) {
      try {
        whole = dechunk(body);
      } catch (SocketException reset) {
        whole = false;
      }
    } else if (r.header("Content-Length") != null) {
      whole = readUpTo(body, Long.parseLong(r.header("Content-Length")));
    } else {
      body.writeBytes(in.readAllBytes());
      whole = true;
    }
    return new Response(r.line(), r.headers(), body.toByteArray(), whole);
  }

  /** The status line and headers of the next response, its body left unread. */
  Response readHead() throws IOException {
    String line = ScriptedDyno.line(in);
    List<ScriptedDyno.Header> headers = new ArrayList<>();
    for (String h = ScriptedDyno.line(in); !h.isEmpty(); h = ScriptedDyno.line(in)) {
      int colon = h.indexOf(':');
      headers.add(
          new ScriptedDyno.Header(h.substring(0, colon), ScriptedDyno.ows(h.substring(colon + 1))));
    }
    return new Response(line, List.copyOf(headers), new byte[0], true);
  }

  /** Reads {@code n} bytes into {@code body}; false if the connection ends (or resets) first. */
  private boolean readUpTo(ByteArrayOutputStream body, long n) throws IOException {
    byte[] buf = new byte[65536];
    while (n > 0) {
      int k;
      try {
        k = in.read(buf, 0, (int) Math.min(buf.length, n));
      } catch (SocketException reset) {
        return false;
      }
      if (k < 0) {
        return false;
      }
      body.write(buf, 0, k);
      n -= k;
    }
    return true;
  }

  private boolean dechunk(ByteArrayOutputStream body) throws IOException {
    while (true) {
      String size;
      try {
        size = ScriptedDyno.line(in);
      } catch (EOFException e) {
        return false;
      }
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      if (n == 0) {
        while (!ScriptedDyno.line(in).isEmpty()) {
          // trailer fields
        }
        return true;
      }
      if (!readUpTo(body, n)) {
        return false;
      }
      ScriptedDyno.line(in);
    }
  }

  /** The raw stream, for a test that reads a body its own way. */
  InputStream in() {
    return in;
  }

  /**
   * Whether the router closed the connection: reads to its end (a reset counts as the end too), and
   * returns false if bytes come first.
   */
  boolean closedWithNothingMore() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
