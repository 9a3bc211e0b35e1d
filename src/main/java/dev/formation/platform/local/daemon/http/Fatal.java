package dev.formation.platform.local.daemon.http;

/**
 * An {@link OutOfMemoryError} ends the daemon at once: a daemon whose event loops or pools lost a
 * thread to it would go on holding its port and lock while answering no one. The JVM's own heap
 * errors end it through {@code -XX:+ExitOnOutOfMemoryError}; this catches the rest (Netty's direct
 * memory, an error a handler or pool thread saw). Its dynos are stopped by the next start or by
 * {@code formation local stop}, through their pid files.
 */
public final class Fatal {
  /** The exit status of a daemon that ran out of memory. */
  public static final int OUT_OF_MEMORY = 3;

  private Fatal() {}

  /** Halts the process when {@code t} or one of its causes is an {@link OutOfMemoryError}. */
  public static void haltOnOutOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        try {
          System.err.println(
              "local platform: out of memory ("
                  + c.getMessage()
                  + "); the daemon exits. The next `formation local start`, or `formation local"
                  + " stop`, stops the dynos it leaves.");
          System.err.flush();
        } finally {
          Runtime.getRuntime().halt(OUT_OF_MEMORY);
        }
      }
      if (c.getCause() == c) {
        return;
      }
    }
  }

  /** Makes every thread that dies of an {@link OutOfMemoryError} end the process. */
  public static void install() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          haltOnOutOfMemory(e);
          if (previous != null) {
            previous.uncaughtException(thread, e);
          } else {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
          }
        });
  }
}
