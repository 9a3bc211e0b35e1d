package dev.formation.platform;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ending a JDK {@link HttpClient} of Java 17, which has no {@code close()}: its selector thread
 * stays blocked in {@code epoll_wait}, and HotSpot's exit waits up to 300 ms for threads in native
 * code before it gives up, so every command that made a request paid 300 ms at exit. Interrupting
 * the client's own selector thread (named {@code HttpClient-N-SelectorManager}) lets it return at
 * once. Where a JDK names them otherwise, nothing happens.
 */
public final class JdkHttpClients {
  private static final String PREFIX = "HttpClient-";
  private static final String SUFFIX = "-SelectorManager";

  /** The selector thread of each client made by {@link #build}, seen when it started. */
  private static final Map<HttpClient, Thread> SELECTORS = new WeakHashMap<>();

  private JdkHttpClients() {}

  /**
   * Builds a client and notes its selector thread (the one that appeared while it was built), so
   * that {@link #release} finds it without asking the client's {@code toString()} for its number:
   * the JDK builds that text with a string concatenation linked on first use, seven classes
   * generated at run time in every command's last moment.
   */
  public static HttpClient build(HttpClient.Builder builder) {
    synchronized (SELECTORS) {
      List<Thread> before = selectorThreads();
      HttpClient client = builder.build();
      List<Thread> started = selectorThreads();
      started.removeAll(before);
      if (started.size() == 1) {
        SELECTORS.put(client, started.get(0));
      }
      return client;
    }
  }

  /**
   * Ends the selector thread of every JDK HTTP client of the process (fabric8's too): for a
   * command's last moment, right before the process exits.
   */
  public static void releaseAll() {
    for (Thread t : selectorThreads()) {
      stop(t);
    }
  }

  /** Ends the client's selector thread; the client must not be used afterwards. */
  public static void release(HttpClient client) {
    if (client == null) {
      return;
    }
    Thread known;
    synchronized (SELECTORS) {
      known = SELECTORS.remove(client);
    }
    if (known != null) {
      stop(known);
      return;
    }
    // a client made elsewhere: its number is the text between the last parentheses
    String text = client.toString();
    int open = text.lastIndexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close != text.length() - 1 || close < open + 2) {
      return;
    }
    String name = PREFIX + text.substring(open + 1, close) + SUFFIX;
    for (Thread t : selectorThreads()) {
      if (t.getName().equals(name)) {
        stop(t);
      }
    }
  }

  /** The live threads named like a JDK client's selector, listed without a thread dump. */
  private static List<Thread> selectorThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + 16];
    int n;
    while ((n = root.enumerate(all, true)) == all.length) {
      all = new Thread[all.length * 2];
    }
    List<Thread> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = all[i].getName();
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
        out.add(all[i]);
      }
    }
    return out;
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
