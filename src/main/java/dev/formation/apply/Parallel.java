package dev.formation.apply;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Runs a task per item on at most {@code parallelism} threads and waits for all of them. */
final class Parallel {
  private Parallel() {}

  static <T> void forEach(List<T> items, int parallelism, Consumer<T> task) {
    forEach(items, parallelism, task, item -> {});
  }

  /**
   * {@link #forEach(List, int, Consumer)}, and {@code done} for each item on the calling thread as
   * soon as its task has finished, in the order they finish: the caller works on what is there
   * while the rest is still under way instead of only waiting.
   */
  static <T> void forEach(List<T> items, int parallelism, Consumer<T> task, Consumer<T> done) {
    if (items.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(parallelism, items.size()));
    if (threads == 1) {
      for (T item : items) {
        task.accept(item);
        done.accept(item);
      }
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
      CompletionService<T> finished = new ExecutorCompletionService<>(pool);
      for (T item : items) {
        finished.submit(() -> task.accept(item), item);
      }
      for (int i = 0; i < items.size(); i++) {
        done.accept(finished.take().get());
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
