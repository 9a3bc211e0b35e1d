package dev.formation.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, started by a test and
 * stopped after it ({@code try (RedisServer redis = RedisServer.start())}).
 */
public final class RedisServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path dir;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts one, or skips the test where redis-server is missing (fails it on CI). */
  public static RedisServer start() throws IOException {
    Path binary = ServerBinaries.require(ServerBinaries.onPath("redis-server"), "redis-server");
    Path dir = Files.createTempDirectory("formation-redis");
    int port = Ports.free();
    Process p =
        new ProcessBuilder(
                binary.toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisServer server = new RedisServer(p, port, dir);
    server.awaitPing();
    return server;
  }

  public int port() {
    return port;
  }

  /** The URL a rule's {@code url_env} would hold. */
  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Pushes {@code count} jobs onto a list. */
  public void push(String list, int count) {
    try (Jedis jedis = new Jedis(java.net.URI.create(url()))) {
      String[] jobs = new String[count];
      for (int i = 0; i < count; i++) {
        jobs[i] = "job-" + i;
      }
      jedis.rpush(list, jobs);
    }
  }

  /** Empties lists. */
  public void delete(List<String> keys) {
    try (Jedis jedis = new Jedis(java.net.URI.create(url()))) {
      jedis.del(keys.toArray(String[]::new));
    }
  }

  /** A list's length now. */
  public long length(String list) {
    try (Jedis jedis = new Jedis(java.net.URI.create(url()))) {
      return jedis.llen(list);
    }
  }

  /** Sets a string key (a key of the wrong type for a list). */
  public void set(String key, String value) {
    try (Jedis jedis = new Jedis(java.net.URI.create(url()))) {
      jedis.set(key, value);
    }
  }

  private void awaitPing() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "redis-server exited: " + Files.readString(dir.resolve("redis.log")).strip());
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.setSoTimeout(1000);
        OutputStream out = s.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[7];
        int n = in.readNBytes(buf, 0, 7);
        if (new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    throw new IOException("redis-server did not answer on port " + port);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ServerBinaries.deleteTree(dir);
  }
}
