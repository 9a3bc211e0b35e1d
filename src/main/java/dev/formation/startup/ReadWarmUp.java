package dev.formation.startup;

import dev.formation.live.LiveApp;
import dev.formation.platform.PlatformException;
import dev.formation.platform.heroku.ApiEndpoint;
import dev.formation.platform.heroku.HerokuConfig;
import dev.formation.platform.heroku.HerokuPlatform;
import dev.formation.platform.heroku.RetryPolicy;
import dev.formation.platform.heroku.Secret;
import dev.formation.platform.heroku.Timing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One app read through the Heroku adapter, from its first line to its last (HTTP client, request,
 * answer, JSON, mapping), against two canned answers served on a loopback socket of this process:
 * run by {@link Startup} on a background thread for a command that is about to read many apps,
 * while its command line and config are still being set up.
 *
 * <p>Why: a new JVM's first requests are its slowest, and a plan makes up to 32 of them at the same
 * moment. Making one first, alone, before the reads begin, takes that first-time work out of their
 * way (bench/run plan-1, plan-10 and plan-500; the A/B is in docs/performance.md, "The read path
 * run once, alone").
 *
 * <p>It sends nothing anywhere but to itself: the server socket listens on 127.0.0.1 only, for the
 * one connection of the warm-up's own client, which carries a made-up token, never the user's. It
 * reads no file and no environment, changes nothing, and any failure is silently dropped: the real
 * reads do not depend on it.
 */
final class ReadWarmUp {
  private ReadWarmUp() {}

  /** The warm-up's own token: never the user's, which it never reads. */
  private static final String TOKEN = "formation-warm-up-not-a-secret";

  private static final String APP = "formation-warm-up";
  private static final String APP_ID = "00000000-0000-4000-8000-000000000001";

  /** A formation list as the API answers it, with web on a size that can autoscale. */
  private static final String FORMATION =
      "[{\"app\":{\"id\":\""
          + APP_ID
          + "\",\"name\":\""
          + APP
          + "\"},\"command\":\"bin/web\",\"created_at\":\"2026-01-01T00:00:00Z\","
          + "\"dyno_size\":{\"id\":\"00000000-0000-4000-8000-000000000002\","
          + "\"name\":\"Performance-M\"},\"id\":\"00000000-0000-4000-8000-000000000003\","
          + "\"quantity\":2,\"size\":\"Performance-M\",\"type\":\"web\","
          + "\"updated_at\":\"2026-01-01T00:00:00Z\"},"
          + "{\"app\":{\"id\":\""
          + APP_ID
          + "\",\"name\":\""
          + APP
          + "\"},\"command\":\"bin/worker\",\"created_at\":\"2026-01-01T00:00:00Z\","
          + "\"dyno_size\":{\"id\":\"00000000-0000-4000-8000-000000000004\","
          + "\"name\":\"Standard-2X\"},\"id\":\"00000000-0000-4000-8000-000000000005\","
          + "\"quantity\":3,\"size\":\"Standard-2X\",\"type\":\"worker\","
          + "\"updated_at\":\"2026-01-01T00:00:00Z\"}]";

  /** A monitor list as the metrics API answers it. */
  private static final String MONITORS =
      "[{\"id\":\"00000000-0000-4000-8000-000000000006\",\"name\":\"LATENCY_SCALE\","
          + "\"action_type\":\"scale\",\"is_active\":true,\"op\":\"GREATER_OR_EQUAL\","
          + "\"period\":1,\"value\":800,\"min_quantity\":2,\"max_quantity\":6,"
          + "\"notification_channels\":[],\"notification_period\":1440}]";

  /** Short limits: the warm-up is worth nothing once the real reads have begun. */
  private static final Duration LIMIT = Duration.ofSeconds(1);

  /**
   * Runs the warm-up on this thread.
   *
   * @return whether the read went through (for tests: a warm-up that silently failed every time
   *     would warm nothing)
   */
  static boolean run() {
    return run(LIMIT);
  }

  /** {@link #run()} with other limits (tests on a slow machine). */
  static boolean run(Duration limit) {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout((int) limit.toMillis());
      Thread answers = new Thread(() -> answer(server, limit), "formation-read-warm-up-answers");
      answers.setDaemon(true);
      answers.start();
      HerokuConfig config =
          new HerokuConfig(
                  ApiEndpoint.of(URI.create("http://127.0.0.1:" + server.getLocalPort())),
                  Secret.of(TOKEN),
                  "warm-up",
                  limit,
                  limit,
                  new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, () -> 0),
                  Timing.SYSTEM,
                  null)
              .withDeadline(limit.multipliedBy(2));
      try (HerokuPlatform platform = new HerokuPlatform(config)) {
        LiveApp app = platform.read(APP, true);
        return app.monitor() != null;
      }
    } catch (IOException | PlatformException | RuntimeException e) {
      return false;
    }
  }

  /** Answers the two requests of one connection: the formation list, then the monitor list. */
  private static void answer(ServerSocket server, Duration limit) {
    try (Socket s = server.accept()) {
      s.setSoTimeout((int) limit.toMillis());
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      for (String body : new String[] {FORMATION, MONITORS}) {
        if (!skipRequestHead(in)) {
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nRateLimit-Remaining: 4500\r\n"
                + "Request-Id: 00000000-0000-4000-8000-000000000007\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      // the client gave up, or nobody connected in time: nothing to warm
    }
  }

  /** Reads up to the blank line that ends a request's head (a GET has no body). */
  private static boolean skipRequestHead(InputStream in) throws IOException {
    int endOfLines = 0;
    int seen = 0;
    while (endOfLines < 4) {
      int c = in.read();
      if (c < 0 || ++seen > 64 * 1024) {
        return false;
      }
      endOfLines = c == '\r' || c == '\n' ? endOfLines + 1 : 0;
    }
    return true;
  }
}
