package dev.formation.platform.local.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time the local platform's deadlines run on: restart backoff, the grace period of a stopped
 * dyno, boot timeouts, the autoscaler's interval and the router's boot wait. Tests pass a clock
 * they advance by hand, so no test sleeps for a backoff or asserts a wall-clock duration.
 */
public interface LocalClock {
  /** A monotonic time in nanoseconds. */
  long nanoTime();

  /** The wall-clock time, for timestamps. */
  Instant now();

  /** Runs {@code task} once {@code delay} has passed on this clock. */
  Scheduled schedule(Duration delay, Runnable task);

  /** Stops the clock's timer threads, if it has any. */
  default void shutdown() {}

  /** A task waiting for its time. */
  interface Scheduled {
    void cancel();
  }

  /** The real clock, with a timer thread of its own. */
  static LocalClock system() {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(Threads.daemon("local-clock"));
    return new LocalClock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public Scheduled schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f =
            timer.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
      }

      @Override
      public void shutdown() {
        timer.shutdownNow();
      }
    };
  }

  /** A task that throws must not stop the timer's later tasks; the daemon log says why. */
  static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      System.err.println("local platform timer: " + e);
    }
  }
}
