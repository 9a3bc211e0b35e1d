package dev.formation.autoscale.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.formation.autoscale.QueueSource;
import dev.formation.testing.Ports;
import dev.formation.testing.PostgresServer;
import dev.formation.testing.RedisServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backlog readers against a real redis-server and a real PostgreSQL on loopback ports. */
class BacklogReaderTest {
  private static RedisServer redis;
  private static PostgresServer postgres;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    postgres = PostgresServer.start();
    postgres.execute(
        "CREATE TABLE jobs (id serial PRIMARY KEY, finished_at timestamptz)",
        "INSERT INTO jobs (finished_at) SELECT NULL FROM generate_series(1, 137)",
        "INSERT INTO jobs (finished_at) SELECT now() FROM generate_series(1, 20)");
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void redis_addsUpTheListsLengths_aMissingListCountingZero() throws Exception {
    redis.push("queue:default", 120);
    redis.push("queue:mailers", 7);
    BacklogReader reader = new BacklogReader(Map.of("REDIS_URL", redis.url()));
    long backlog =
        reader.read(
            new QueueSource.Redis(
                "REDIS_URL", null, List.of("queue:default", "queue:mailers", "queue:none")));
    assertThat(backlog).isEqualTo(127);
  }

  @Test
  void redis_aKeyThatIsNoList_isAReadFailure() {
    redis.set("queue:text", "hello");
    BacklogReader reader = new BacklogReader(Map.of("REDIS_URL", redis.url()));
    assertThatThrownBy(
            () -> reader.read(new QueueSource.Redis("REDIS_URL", null, List.of("queue:text"))))
        .isInstanceOf(ReadFailure.class)
        .hasMessageContaining("WRONGTYPE");
  }

  @Test
  void redis_unreachable_isAReadFailure_withoutThePassword() {
    String url = "redis://:hunter2-pw@127.0.0.1:" + Ports.free() + "/0";
    BacklogReader reader = new BacklogReader(Map.of("REDIS_URL", url));
    assertThatThrownBy(
            () -> reader.read(new QueueSource.Redis("REDIS_URL", null, List.of("queue:default"))))
        .isInstanceOf(ReadFailure.class)
        .hasMessageStartingWith("Redis at redis://:****@127.0.0.1:")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMissingVariable_isAReadFailure() {
    BacklogReader reader = new BacklogReader(Map.of());
    assertThatThrownBy(
            () -> reader.read(new QueueSource.Redis("REDIS_URL", null, List.of("queue:default"))))
        .isInstanceOf(ReadFailure.class)
        .hasMessage("the environment variable REDIS_URL is not set");
  }

  @Test
  void postgres_readsTheNumberTheQueryReturns() throws Exception {
    BacklogReader reader = new BacklogReader(Map.of("DATABASE_URL", postgres.url()));
    assertThat(pg(reader, "SELECT count(*) FROM jobs WHERE finished_at IS NULL")).isEqualTo(137);
    assertThat(pg(reader, "SELECT 2.5::numeric")).isEqualTo(3);
  }

  @Test
  void postgres_aQueryThatIsNotOneNumber_isAReadFailure() {
    BacklogReader reader = new BacklogReader(Map.of("DATABASE_URL", postgres.url()));
    assertThatThrownBy(() -> pg(reader, "SELECT 'many'"))
        .isInstanceOf(ReadFailure.class)
        .hasMessage("the queue's query returned a String, not a number");
    assertThatThrownBy(() -> pg(reader, "SELECT 1, 2"))
        .hasMessage("the queue's query returned more than one column; it must return one number");
    assertThatThrownBy(() -> pg(reader, "SELECT id FROM jobs"))
        .hasMessage("the queue's query returned more than one row; it must return one number");
    assertThatThrownBy(() -> pg(reader, "SELECT id FROM jobs WHERE false"))
        .hasMessage("the queue's query returned no row; it must return one number");
    assertThatThrownBy(() -> pg(reader, "SELECT -1")).hasMessageContaining("negative");
  }

  @Test
  void postgres_neverWrites() throws Exception {
    BacklogReader reader = new BacklogReader(Map.of("DATABASE_URL", postgres.url()));
    assertThatThrownBy(() -> pg(reader, "DELETE FROM jobs RETURNING 1"))
        .isInstanceOf(ReadFailure.class)
        .hasMessageContaining("read-only");
    assertThat(pg(reader, "SELECT count(*) FROM jobs")).isEqualTo(157);
  }

  @Test
  void postgres_aWrongPassword_isAReadFailure_withoutThePassword() {
    String url = postgres.url().replace(PostgresServer.PASSWORD, "wrong-Secret-9");
    BacklogReader reader = new BacklogReader(Map.of("DATABASE_URL", url));
    assertThatThrownBy(() -> pg(reader, "SELECT 1"))
        .isInstanceOf(ReadFailure.class)
        .hasMessageContaining("password authentication failed")
        .hasMessageContaining("postgres://postgres:****@127.0.0.1:")
        .hasMessageNotContaining("wrong-Secret-9");
  }

  private static long pg(BacklogReader reader, String query) throws ReadFailure {
    return reader.read(new QueueSource.Postgres("DATABASE_URL", null, query));
  }
}
