import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The quickstart's web process: a tiny HTTP server on 127.0.0.1:$PORT. Run it with {@code PORT=5099
 * DYNO=web.1 java Web.java}.
 *
 * <ul>
 *   <li>{@code GET /} answers {@code $GREETING from $DYNO}, so round-robin routing is visible;
 *   <li>{@code GET /slow?ms=N} waits N ms (at most 60000) before answering, to make the p95
 *       response time rise for autoscaling demos.
 * </ul>
 */
public class Web {
  public static void main(String[] args) throws IOException {
    // The JDK's server writes a response's head and body in two writes. With Nagle's algorithm on,
    // the body waits for the client's ACK of the head, which a keep-alive client delays by 40 ms:
    // every keep-alive request took 44 ms instead of 0.6 ms. TCP_NODELAY sends both at once.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // keep-alive clients beyond the JDK's default of 200 idle connections are not cut off
    System.setProperty("sun.net.httpserver.maxIdleConnections", "1000");
    int port = Integer.parseInt(env("PORT", "5000"));
    String dyno = env("DYNO", "web.1");
    String greeting = env("GREETING", "hello");

    // a backlog for bursts of new connections (the default, 50, drops SYNs at 200 at once)
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", exchange -> handle(exchange, greeting + " from " + dyno));
    // The platform stops a dyno with SIGTERM: give in-flight requests a second, then exit.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println(dyno + " stopping");
                  server.stop(1);
                }));
    server.start();
    System.out.println(dyno + " listening on 127.0.0.1:" + port);
  }

  private static void handle(HttpExchange exchange, String hello) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      if (!exchange.getRequestMethod().equals("GET")) {
        reply(exchange, 405, "only GET\n");
      } else if (uri.getPath().equals("/")) {
        reply(exchange, 200, hello + "\n");
      } else if (uri.getPath().equals("/slow")) {
        long ms = Math.min(60_000, Math.max(0, queryLong(uri.getQuery(), "ms", 1000)));
        try {
          Thread.sleep(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reply(exchange, 200, hello + " after " + ms + " ms\n");
      } else {
        reply(exchange, 404, "not found\n");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static long queryLong(String query, String name, long fallback) {
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && kv[0].equals(name)) {
          try {
            return Long.parseLong(kv[1]);
          } catch (NumberFormatException e) {
            return fallback;
          }
        }
      }
    }
    return fallback;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
