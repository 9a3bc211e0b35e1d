package dev.formation.autoscale.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.ClassLoads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up stays fast: the packaged jar loads the queue clients (Jedis, the PostgreSQL driver) only
 * when a queue is read, never for {@code validate}, {@code plan} or {@code local status}, not even
 * of a file whose rules name a Redis list and a PostgreSQL query.
 */
class LazyQueueClientsIT {
  private static final List<String> CLIENTS =
      List.of("redis.clients.", "org.postgresql.", "dev.formation.autoscale.read.");

  @TempDir Path dir;

  @Test
  void validatePlanAndLocalStatus_loadNoQueueClient() throws Exception {
    Files.writeString(
        dir.resolve("formation.yaml"),
        """
        version: 1
        apps:
          shop-staging:
            processes:
              worker:
                size: standard-2x
                autoscale:
                  min: 1
                  max: 4
                  queue:
                    redis: {url_env: REDIS_URL, list: queue:default}
                    per_dyno: 50
              mailer:
                size: standard-1x
                autoscale:
                  min: 1
                  max: 2
                  queue:
                    postgres: {url_env: DATABASE_URL, query: "SELECT count(*) FROM jobs"}
                    per_dyno: 10
        """);
    // a Heroku API that refuses at once: plan reads and fails without a network
    ClassLoads runs =
        ClassLoads.in(dir)
            .env("HEROKU_HOST", "http://127.0.0.1:1")
            .env("HEROKU_API_KEY", "lazy-test-token")
            .env("REDIS_URL", "redis://127.0.0.1:1")
            .env("DATABASE_URL", "postgres://127.0.0.1:1/jobs");

    assertThat(runs.loaded(CLIENTS, "validate")).isEmpty();
    assertThat(runs.loaded(CLIENTS, "plan")).isEmpty();
    assertThat(runs.loaded(CLIENTS, "local", "status")).isEmpty();
    // the measurement sees what a run loads: plan loads the Heroku adapter
    assertThat(runs.count("dev.formation.platform.heroku.", "plan")).isPositive();
  }
}
