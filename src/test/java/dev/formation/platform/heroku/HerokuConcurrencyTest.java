package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.live.LiveApp;
import dev.formation.platform.FormationUpdate;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuConcurrencyTest {
  @TempDir Path home;

  @Test
  void fiveHundredApps_readAndUpdatedInParallel_oneGetAndOnePatchEach() throws Exception {
    try (FakeHeroku fake = FakeHeroku.start()) {
      fake.latency(Duration.ofMillis(25));
      for (int i = 0; i < 500; i++) {
        fake.addApp(String.format("app-%03d", i), "cedar")
            .process("web", "standard-1x", 1)
            .process("worker", "standard-1x", 1);
      }
      HerokuPlatform platform = new HerokuTestSupport(fake, home).platform;
      ExecutorService pool = Executors.newFixedThreadPool(16);
      long start = System.nanoTime();
      List<Future<LiveApp>> results = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String name = String.format("app-%03d", i);
        int quantity = i % 7;
        results.add(
            pool.submit(
                () -> {
                  LiveApp live = platform.read(name, false);
                  return platform.updateFormation(
                      live,
                      List.of(
                          new FormationUpdate("web", quantity, "standard-2x"),
                          new FormationUpdate("worker", 2, null)));
                }));
      }
      for (int i = 0; i < 500; i++) {
        LiveApp app = results.get(i).get(60, TimeUnit.SECONDS);
        assertThat(app.process("web").get().quantity()).isEqualTo(i % 7);
        assertThat(app.process("web").get().size()).isEqualTo("Standard-2X");
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      pool.shutdown();

      Map<String, Long> perApp =
          fake.requests().stream()
              .collect(
                  Collectors.groupingBy(r -> r.method() + " " + r.path(), Collectors.counting()));
      assertThat(perApp).hasSize(1000).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1L));
      assertThat(fake.requests()).extracting(RecordedRequest::status).containsOnly(200);
      assertThat(fake.app("app-006").quantity("worker")).isEqualTo(2);
      System.out.println("500 apps, 16 threads, 25 ms latency: read+patch in " + ms + " ms");
      assertThat(ms).isLessThan(30_000);
    }
  }
}
