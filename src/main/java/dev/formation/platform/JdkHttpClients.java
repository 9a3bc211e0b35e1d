package dev.formation.platform;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Building and ending the JDK's {@link HttpClient}s, which on Java 17 have no {@code close()}. A
 * client runs a selector thread of its own (named {@code HttpClient-N-SelectorManager}) that lives
 * until the client is garbage collected, blocked in native code; and at exit the JVM waits up to
 * 300 ms for such threads, so a command that made a request would end 300 ms after its work. Ending
 * a client here interrupts its selector thread, which then returns at once: the adapters end their
 * clients when they are closed, and {@code Main} ends every client of the process (fabric8's too)
 * right before it exits. Where a JDK names its threads otherwise, nothing happens.
 */
public final class JdkHttpClients {
  private static final String PREFIX = "HttpClient-";
  private static final String SUFFIX = "-SelectorManager";

  /** The selector thread of each client made by {@link #build}, seen when it started. */
  private static final Map<HttpClient, Thread> SELECTORS = new WeakHashMap<>();

  private JdkHttpClients() {}

  /**
   * Builds a client and notes its selector thread, the one that appeared while it was built (a
   * client does not expose it), for {@link #release}.
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
    // a client not built here: its number is the text between the last parentheses of toString()
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

  /** The live threads named like a JDK client's selector. */
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
