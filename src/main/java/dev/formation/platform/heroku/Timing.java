package dev.formation.platform.heroku;

import java.time.Duration;

/** The clock and sleeper behind retries and pacing; tests pass a virtual one to run fast. */
public interface Timing {
  /** The real clock and {@link Thread#sleep}. */
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
          Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
      };

  /** A monotonic time in nanoseconds. */
  long nanoTime();

  /** Waits this long. */
  void sleep(Duration d) throws InterruptedException;
}
