package dev.formation.apply;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs a task per item on at most {@code parallelism} threads and waits for all of them. */
final class Parallel {
  private Parallel() {}

  static <T> void forEach(List<T> items, int parallelism, Consumer<T> task) {
    if (items.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(parallelism, items.size()));
    if (threads == 1) {
      items.forEach(task);
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "formation-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures =
          items.stream().<Future<?>>map(i -> pool.submit(() -> task.accept(i))).toList();
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      // tasks catch their own platform errors; anything arriving here is a bug
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
