package dev.formation.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of GitHub's REST API the action's comment script uses, on 127.0.0.1: a repository's pull
 * requests, their issue comments (listed in pages as GitHub does, {@code per_page} default 30, at
 * most 100, with a {@code Link} header), a comment created and updated. Every request needs {@code
 * Authorization: Bearer TOKEN}, else 401 as GitHub answers.
 */
public final class FakeGitHub implements AutoCloseable {
  /** One comment on a pull request. */
  public record Comment(long id, int pullRequest, String body) {}

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Pattern LIST =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
  private static final Pattern ONE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");
  private static final Pattern PULL = Pattern.compile("/repos/([^/]+/[^/]+)/pulls/(\\d+)");

  private final String repository;
  private final String token;
  private final HttpServer server;
  private final List<Comment> comments = new ArrayList<>();
  private final Map<Integer, String> heads = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private long nextId = 1000;
  private String linkBase;

  /** A fake holding {@code repository} ("owner/name"), answering only {@code token}. */
  public FakeGitHub(String repository, String token) throws IOException {
    this.repository = repository;
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API's address, for {@code GITHUB_API_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a comment someone else wrote; returns its id. */
  public synchronized long add(int pullRequest, String body) {
    Comment c = new Comment(nextId++, pullRequest, body);
    comments.add(c);
    return c.id();
  }

  /** Makes the Link header point at {@code base} instead of this API (a hostile answer). */
  public synchronized void linkBase(String base) {
    linkBase = base;
  }

  /** Sets the head commit of a pull request. */
  public synchronized void head(int pullRequest, String sha) {
    heads.put(pullRequest, sha);
  }

  /** The comments of a pull request, oldest first. */
  public synchronized List<Comment> comments(int pullRequest) {
    return comments.stream().filter(c -> c.pullRequest() == pullRequest).toList();
  }

  /** Every request so far, as "METHOD path?query". */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      URI uri = ex.getRequestURI();
      String method = ex.getRequestMethod();
      requests.add(
          method
              + " "
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, JSON.createObjectNode().put("message", "Bad credentials"));
        return;
      }
      Matcher list = LIST.matcher(uri.getPath());
      Matcher one = ONE.matcher(uri.getPath());
      Matcher pull = PULL.matcher(uri.getPath());
      if (list.matches() && repository.equals(list.group(1))) {
        int pr = Integer.parseInt(list.group(2));
        if (method.equals("GET")) {
          page(ex, pr, query(uri));
        } else if (method.equals("POST")) {
          send(ex, 201, json(created(pr, body(ex))));
        } else {
          send(ex, 405, JSON.createObjectNode().put("message", "Method not allowed"));
        }
      } else if (one.matches() && repository.equals(one.group(1)) && method.equals("PATCH")) {
        long id = Long.parseLong(one.group(2));
        int at = indexOf(id);
        if (at < 0) {
          send(ex, 404, JSON.createObjectNode().put("message", "Not Found"));
          return;
        }
        Comment updated = new Comment(id, comments.get(at).pullRequest(), body(ex));
        comments.set(at, updated);
        send(ex, 200, json(updated));
      } else if (pull.matches() && repository.equals(pull.group(1)) && method.equals("GET")) {
        int pr = Integer.parseInt(pull.group(2));
        ObjectNode node = JSON.createObjectNode().put("number", pr);
        node.putObject("head").put("sha", heads.getOrDefault(pr, "0".repeat(40)));
        send(ex, 200, node);
      } else {
        send(ex, 404, JSON.createObjectNode().put("message", "Not Found"));
      }
    }
  }

  private void page(HttpExchange ex, int pr, Map<String, String> query) throws IOException {
    int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    List<Comment> all = comments(pr);
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    ArrayNode out = JSON.createArrayNode();
    all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(c -> out.add(json(c)));
    String base =
        (linkBase == null ? url() : linkBase)
            + "/repos/"
            + repository
            + "/issues/"
            + pr
            + "/comments?per_page="
            + perPage
            + "&page=";
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
    }
    if (page < last) {
      links.add("<" + base + (page + 1) + ">; rel=\"next\"");
    }
    links.add("<" + base + last + ">; rel=\"last\"");
    ex.getResponseHeaders().add("Link", String.join(", ", links));
    send(ex, 200, out);
  }

  private Comment created(int pr, String body) {
    Comment c = new Comment(nextId++, pr, body);
    comments.add(c);
    return c;
  }

  private int indexOf(long id) {
    for (int i = 0; i < comments.size(); i++) {
      if (comments.get(i).id() == id) {
        return i;
      }
    }
    return -1;
  }

  private static ObjectNode json(Comment c) {
    ObjectNode node = JSON.createObjectNode().put("id", c.id()).put("body", c.body());
    node.putObject("user").put("login", "github-actions[bot]");
    return node;
  }

  private static String body(HttpExchange ex) throws IOException {
    JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
    return request.path("body").asString();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        int eq = pair.indexOf('=');
        out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
