package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private static HttpHeaders remaining(String value) {
    return HttpHeaders.of(Map.of("ratelimit-remaining", List.of(value)), (a, b) -> true);
  }

  @Test
  void lowBudget_isSharedAcrossThreads_oneRequestPerInterval() throws Exception {
    Throttle throttle = new Throttle(Timing.SYSTEM, Duration.ofMillis(40));
    throttle.observe(remaining("5"));
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      done.add(
          pool.submit(
              () -> {
                throttle.acquire();
                starts.add((System.nanoTime() - t0) / 1_000_000);
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    // each thread holds its own 40 ms slot, so the k-th start comes k intervals after the first
    for (int k = 0; k < sorted.size(); k++) {
      assertThat(sorted.get(k)).isGreaterThanOrEqualTo(k * 40L - 1);
    }
  }

  @Test
  void budgetRecovering_stopsThePacing() throws Exception {
    VirtualTiming timing = new VirtualTiming();
    Throttle throttle = new Throttle(timing, Duration.ofMillis(800));
    throttle.observe(remaining("10"));
    throttle.acquire();
    throttle.acquire();
    throttle.observe(remaining("4000"));
    throttle.acquire();
    throttle.acquire();

    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(800));
  }

  @Test
  void unreadableHeader_isIgnored() throws Exception {
    VirtualTiming timing = new VirtualTiming();
    Throttle throttle = new Throttle(timing, Duration.ofMillis(800));
    throttle.observe(remaining("lots"));
    throttle.acquire();
    throttle.acquire();

    assertThat(timing.sleeps()).isEmpty();
    assertThat(throttle.remaining()).isEqualTo(Long.MAX_VALUE);
  }
}
