package dev.formation.platform.local.daemon.router;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web dyno for the router's conformance tests, on raw sockets: on each connection it reads
 * requests one after the other (head, then the body by {@code Content-Length} or chunked), keeps
 * the exact bytes it got, and answers each with whatever raw bytes its {@link Script} writes.
 * Header names and values are kept as ISO-8859-1 text, one char per byte, so bytes compare exactly.
 */
final class ScriptedDyno implements AutoCloseable {
  /** A request as the dyno read it. */
  record Request(int connection, String line, List<Header> headers, byte[] raw, byte[] body)
      implements HeaderLookup {
    String method() {
      return line.split(" ", 3)[0];
    }

    String target() {
      return line.split(" ", 3)[1];
    }
  }

  /** A header line as it came: name and value (trimmed of optional white space). */
  record Header(String name, String value) {
    boolean is(String other) {
      return name.equalsIgnoreCase(other);
    }
  }

  /** Writes a dyno's answer to a request. */
  @FunctionalInterface
  interface Script {
    void answer(Request request, Conn conn) throws IOException;
  }

  /** One connection of the router's to the dyno, as a script sees it. */
  static final class Conn {
    private final Socket socket;
    private final InputStream in;
    private boolean closed;

    Conn(Socket socket, InputStream in) {
      this.socket = socket;
      this.in = in;
    }

    /** What the router sends on (for a script that tunnels after a {@code 101}). */
    InputStream in() {
      return in;
    }

    void write(String latin1) throws IOException {
      write(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    }

    /** Closes the connection after the answer (a close-delimited body, or a cut-off one). */
    void close() throws IOException {
      closed = true;
      socket.close();
    }
  }

  private final ServerSocket server;
  private final BlockingQueue<Request> arrived = new LinkedBlockingQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<byte[]> incomplete = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Script script = ok("ok");

  ScriptedDyno() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "scripted-dyno-accept");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** How the dyno answers from now on. */
  ScriptedDyno script(Script s) {
    this.script = s;
    return this;
  }

  /** The next request that arrived whole, waiting up to 5 s for it. */
  Request next() throws InterruptedException {
    Request r = arrived.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request reached the dyno within 5 s");
    }
    return r;
  }

  /** Every request that arrived whole, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The bytes of requests whose connection ended before they were whole. */
  List<byte[]> incomplete() {
    return List.copyOf(incomplete);
  }

  /** Connections the router opened to the dyno. */
  int connections() {
    return connections.get();
  }

  /** Answers {@code 200} with a {@code Content-Length} body. */
  static Script ok(String body) {
    return (r, c) ->
        c.write("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
  }

  /** Answers {@code 200} with the request's body as its {@code Content-Length} body. */
  static Script echo() {
    return (r, c) -> {
      c.write("HTTP/1.1 200 OK\r\nContent-Length: " + r.body().length + "\r\n\r\n");
      c.write(r.body());
    };
  }

  /** Answers the same raw bytes to every request. */
  static Script raw(String latin1) {
    return (r, c) -> c.write(latin1);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        int n = connections.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s, n), "scripted-dyno-" + n);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, int n) {
    Recording in = null;
    try (s) {
      in = new Recording(s.getInputStream());
      Conn conn = new Conn(s, in);
      while (!conn.closed) {
        in.restart();
        Request r = read(n, in);
        if (r == null) {
          return;
        }
        requests.add(r);
        arrived.add(r);
        script.answer(r, conn);
      }
    } catch (IOException | RuntimeException e) {
      // the connection ended, or what came was no request the dyno can read
      if (in != null && in.size() > 0) {
        incomplete.add(in.bytes());
      }
    } finally {
      open.remove(s);
    }
  }

  /** The next request of a connection, or null at its end between requests. */
  private static Request read(int connection, Recording in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(first);
    int last4 = first;
    while (last4 != 0x0d0a0d0a) {
      int c = next(in);
      head.write(c);
      last4 = last4 << 8 | c;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String[] lines = text.substring(0, text.length() - 4).split("\r\n", -1);
    List<Header> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          colon < 0
              ? new Header(lines[i], "")
              : new Header(lines[i].substring(0, colon), ows(lines[i].substring(colon + 1))));
    }
    Request bare = new Request(connection, lines[0], headers, null, null);
    byte[] body;
    if (bare.chunked()) {
      body = dechunk(in);
    } else if (bare.header("Content-Length") != null) {
      body = in.readNBytes(Integer.parseInt(bare.header("Content-Length")));
      if (body.length < Integer.parseInt(bare.header("Content-Length"))) {
        throw new EOFException("body cut off");
      }
    } else {
      body = new byte[0];
    }
    return new Request(connection, lines[0], List.copyOf(headers), in.bytes(), body);
  }

  /** A header value without the spaces and tabs around it (and nothing else). */
  static String ows(String v) {
    int from = 0;
    int to = v.length();
    while (from < to && (v.charAt(from) == ' ' || v.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (v.charAt(to - 1) == ' ' || v.charAt(to - 1) == '\t')) {
      to--;
    }
    return v.substring(from, to);
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailer fields, not kept
        }
        return body.toByteArray();
      }
      byte[] data = in.readNBytes(n);
      if (data.length < n) {
        throw new EOFException("chunk cut off");
      }
      body.writeBytes(data);
      line(in);
    }
  }

  /** A CRLF-ended line, without its end. */
  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = next(in);
      if (c == '\n' && b.size() > 0) {
        byte[] bytes = b.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
  }

  private static int next(InputStream in) throws IOException {
    int c = in.read();
    if (c < 0) {
      throw new EOFException();
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }

  /** A buffered stream that keeps every byte read since its last {@link #restart()}. */
  private static final class Recording extends InputStream {
    private final InputStream in;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    Recording(InputStream in) {
      this.in = new BufferedInputStream(in);
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      if (c >= 0) {
        seen.write(c);
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        seen.write(b, off, n);
      }
      return n;
    }

    void restart() {
      seen.reset();
    }

    int size() {
      return seen.size();
    }

    byte[] bytes() {
      return seen.toByteArray();
    }
  }
}
