package dev.formation.ci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's merge-request notes API, as much as the component's note script uses: list (100 a page,
 * {@code X-Next-Page}), create, update, behind a {@code PRIVATE-TOKEN}. Bodies are encoded as Rails
 * encodes them ({@code <} as {@code \u003c}), and each note has a nested author with an id of its
 * own, as GitLab's do. Bound to 127.0.0.1 on a free port.
 */
final class FakeGitlabNotes implements AutoCloseable {
  static final String PROJECT = "42";
  static final String MR = "7";
  static final String TOKEN = "glpat-test-token";
  private static final Pattern NOTES =
      Pattern.compile("/api/v4/projects/" + PROJECT + "/merge_requests/" + MR + "/notes(/(\\d+))?");

  private final HttpServer server;
  private final Map<Long, String> notes = new LinkedHashMap<>();
  private final List<String> requests = new ArrayList<>();
  private long nextId = 1001;

  FakeGitlabNotes(int unrelated) throws IOException {
    for (int i = 0; i < unrelated; i++) {
      notes.put(nextId++, "LGTM \"quoted\" {\"id\": 5, \"body\": [1]} \\ <b>" + i + "</b> & more");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4";
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  synchronized Map<Long, String> notes() {
    return new LinkedHashMap<>(notes);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    Matcher m = NOTES.matcher(ex.getRequestURI().getPath());
    requests.add(method + " " + ex.getRequestURI().getPath());
    byte[] body = ex.getRequestBody().readAllBytes();
    if (!TOKEN.equals(ex.getRequestHeaders().getFirst("PRIVATE-TOKEN"))) {
      send(ex, 401, "{\"message\":\"401 Unauthorized\"}");
    } else if (!m.matches()) {
      send(ex, 404, "{\"message\":\"404 Not found\"}");
    } else if (method.equals("GET") && m.group(2) == null) {
      list(ex);
    } else if (method.equals("POST") && m.group(2) == null) {
      long id = nextId++;
      notes.put(id, form(body).get("body"));
      send(ex, 201, note(id, notes.get(id)));
    } else if (method.equals("PUT") && m.group(2) != null) {
      long id = Long.parseLong(m.group(2));
      if (!notes.containsKey(id)) {
        send(ex, 404, "{\"message\":\"404 Note Not Found\"}");
        return;
      }
      notes.put(id, form(body).get("body"));
      send(ex, 200, note(id, notes.get(id)));
    } else {
      send(ex, 405, "{\"message\":\"405 Method Not Allowed\"}");
    }
  }

  private void list(HttpExchange ex) throws IOException {
    Map<String, String> query = form(ex.getRequestURI().getRawQuery().getBytes());
    int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    List<Long> ids = new ArrayList<>(notes.keySet());
    int from = Math.min(ids.size(), (page - 1) * perPage);
    int to = Math.min(ids.size(), from + perPage);
    StringBuilder json = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      json.append(i > from ? "," : "").append(note(ids.get(i), notes.get(ids.get(i))));
    }
    ex.getResponseHeaders().set("X-Next-Page", to < ids.size() ? String.valueOf(page + 1) : "");
    send(ex, 200, json.append(']').toString());
  }

  /** A note as GitLab lists it: the author (with its own id) before the body, to trap guesses. */
  private static String note(long id, String body) {
    return "{\"id\":"
        + id
        + ",\"type\":null,\"author\":{\"id\":"
        + (id % 3 + 1)
        + ",\"username\":\"bot\",\"name\":\"Bot {x}\"},\"body\":\""
        + json(body)
        + "\",\"system\":false,\"noteable_iid\":"
        + MR
        + "}";
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, String> form(byte[] raw) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
