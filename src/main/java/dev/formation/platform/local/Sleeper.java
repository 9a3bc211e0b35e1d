package dev.formation.platform.local;

import java.time.Duration;

/** How the launcher and the log tail wait between two looks; tests pass one that does not wait. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** The real one. */
  Sleeper THREAD = d -> Thread.sleep(d.toMillis());
}
