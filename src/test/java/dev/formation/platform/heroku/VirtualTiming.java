package dev.formation.platform.heroku;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when someone sleeps, and remembers every sleep. */
final class VirtualTiming implements Timing {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
    now.addAndGet(d.toNanos());
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  synchronized long sleptMillis() {
    return sleeps.stream().mapToLong(Duration::toMillis).sum();
  }
}
