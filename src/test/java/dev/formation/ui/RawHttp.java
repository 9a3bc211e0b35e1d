package dev.formation.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that a test can send any {@code Host} header (the JDK's client
 * refuses to set it): one request per connection, {@code Connection: close}.
 */
final class RawHttp {
  /** An answer: its status, its headers (names in lower case) and its body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  static Answer send(int port, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", "127.0.0.1:" + port);
    all.putAll(headers);
    all.put("Connection", "close");
    if (body != null) {
      all.put("Content-Length", String.valueOf(payload.length));
    }
    all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("\r\n");
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Answer parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] head = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(
          head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).trim());
    }
    // the server always sends a Content-Length: the body is the rest of the connection
    return new Answer(status, headers, text.substring(end + 4));
  }
}
