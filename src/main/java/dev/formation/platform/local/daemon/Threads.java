package dev.formation.platform.local.daemon;

import java.util.concurrent.ThreadFactory;

/** The daemon's own threads: named, and never keeping the JVM alive on their own. */
public final class Threads {
  private Threads() {}

  public static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
