package dev.formation.platform;

import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/**
 * Ending a JDK {@link HttpClient} of Java 17, which has no {@code close()}: its selector thread
 * stays blocked in {@code epoll_wait}, and HotSpot's exit waits up to 300 ms for threads in native
 * code before it gives up, so every command that made a request paid 300 ms at exit. Interrupting
 * the client's own selector thread (named {@code HttpClient-N-SelectorManager} after the client's
 * id, which {@code toString()} ends with) lets it return at once. Where a JDK names them otherwise,
 * nothing happens.
 */
public final class JdkHttpClients {
  private JdkHttpClients() {}

  /**
   * Ends the selector thread of every JDK HTTP client of the process (fabric8's too): for a
   * command's last moment, right before the process exits.
   */
  public static void releaseAll() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
        stop(t);
      }
    }
  }

  /** Ends the client's selector thread; the client must not be used afterwards. */
  public static void release(HttpClient client) {
    if (client == null) {
      return;
    }
    String text = client.toString();
    int open = text.lastIndexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close != text.length() - 1 || close < open + 2) {
      return;
    }
    String name = "HttpClient-" + text.substring(open + 1, close) + "-SelectorManager";
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        stop(t);
      }
    }
  }

  private static void stop(Thread t) {
    t.interrupt();
    try {
      t.join(TimeUnit.MILLISECONDS.toMillis(200));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
