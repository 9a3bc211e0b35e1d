package dev.formation.platform.local.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A clock that moves only when a test advances it; due tasks run in the advancing thread. */
public final class ManualClock implements LocalClock {
  private record Task(long at, long seq, Runnable run) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) ->
              a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
  private final Instant origin = Instant.parse("2026-11-28T11:00:00Z");
  private long nanos;
  private long seq;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return origin.plusNanos(nanos);
  }

  @Override
  public synchronized Scheduled schedule(Duration delay, Runnable task) {
    Task t = new Task(nanos + delay.toNanos(), seq++, task);
    tasks.add(t);
    return () -> {
      synchronized (ManualClock.this) {
        tasks.remove(t);
      }
    };
  }

  /** Moves the time on by {@code d}, running each task that falls due, in order. */
  public void advance(Duration d) {
    long end;
    synchronized (this) {
      end = nanos + d.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.at() > end) {
          nanos = end;
          return;
        }
        tasks.poll();
        nanos = Math.max(nanos, next.at());
      }
      LocalClock.runSafely(next.run());
    }
  }

  /** How many tasks wait for their time. */
  synchronized int pending() {
    return tasks.size();
  }

  synchronized List<Long> dueIn() {
    List<Long> list = new ArrayList<>();
    tasks.forEach(t -> list.add(t.at() - nanos));
    return list;
  }
}
