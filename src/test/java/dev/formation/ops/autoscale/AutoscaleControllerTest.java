package dev.formation.ops.autoscale;

import static dev.formation.ops.autoscale.QueueFormations.fixed;
import static dev.formation.ops.autoscale.QueueFormations.heroku;
import static dev.formation.ops.autoscale.QueueFormations.queued;
import static dev.formation.ops.autoscale.QueueFormations.redis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.apply.Interrupt;
import dev.formation.cli.render.AutoscaleLine;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.diag.Code;
import dev.formation.ops.Adapters;
import dev.formation.ops.Host;
import dev.formation.ops.Listener;
import dev.formation.ops.Settings;
import dev.formation.ops.autoscale.QueueEvent.Action;
import dev.formation.platform.PlatformContext;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeFault;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.JsonSchemas;
import dev.formation.testing.Ports;
import dev.formation.testing.RecordedRequest;
import dev.formation.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Heroku controller end to end below the command line: a real redis-server, the strict fake
 * Heroku API, formations built from specs.
 */
class AutoscaleControllerTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static RedisServer redis;

  @TempDir Path home;
  private FakeHeroku heroku;
  private FakeApp shop;
  private final List<QueueEvent> events = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void start() {
    redis.delete(List.of("queue:default", "queue:mailers"));
    heroku = FakeHeroku.start();
    shop =
        heroku
            .addApp("shop", "cedar")
            .process("web", "standard-1x", 2)
            .process("worker", "standard-2x", 1)
            .process("mailer", "standard-2x", 1);
  }

  @AfterEach
  void stop() {
    heroku.close();
    for (QueueEvent e : events) {
      String line = AutoscaleLine.json(e);
      assertThat(JsonSchemas.errors("autoscale.schema.json", line)).as(line).isEmpty();
    }
  }

  @Test
  void once_writesExactlyTheCountTheRuleGives_inOneBatch() {
    redis.push("queue:default", 420);
    redis.push("queue:mailers", 30);
    Formation f =
        heroku(
            "shop",
            fixed("web", 2),
            queued("worker", 1, 10, redis(50, Duration.ofMinutes(5), "queue:default")),
            queued("mailer", 2, 4, redis(10, Duration.ofMinutes(5), "queue:mailers")));

    AutoscaleOperation.Result r = once(f, redis.url());

    assertThat(r.failed()).isFalse();
    assertThat(shop.quantity("worker")).isEqualTo(9);
    assertThat(shop.quantity("mailer")).isEqualTo(3);
    assertThat(shop.quantity("web")).isEqualTo(2);
    List<RecordedRequest> writes = heroku.requests("PATCH", "/apps/shop/formation");
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).body())
        .contains("\"type\":\"worker\"", "\"quantity\":9", "\"type\":\"mailer\"")
        .doesNotContain("web");
    assertThat(events)
        .extracting(AutoscaleLine::json)
        .containsExactly(
            "{\"time\":\"2026-03-02T09:00:00Z\",\"app\":\"shop\",\"type\":\"worker\","
                + "\"backlog\":420,\"current\":1,\"desired\":9,\"action\":\"scale\","
                + "\"reason\":\"backlog 420 needs 9 at 50 per dyno\"}",
            "{\"time\":\"2026-03-02T09:00:00Z\",\"app\":\"shop\",\"type\":\"mailer\","
                + "\"backlog\":30,\"current\":1,\"desired\":3,\"action\":\"scale\","
                + "\"reason\":\"backlog 30 needs 3 at 10 per dyno\"}");
  }

  @Test
  void once_atTheRightCount_writesNothing() {
    redis.push("queue:default", 50);
    AutoscaleOperation.Result r =
        once(heroku("shop", queued("worker", 1, 10, redis(50, Duration.ZERO, "queue:default"))));

    assertThat(r.failed()).isFalse();
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    assertThat(events).extracting(QueueEvent::action).containsExactly(Action.HOLD);
  }

  @Test
  void once_withRedisDown_writesNothing_andFails_keepingTheCount() {
    String down = "redis://:hunter2-pw@127.0.0.1:" + Ports.free() + "/0";
    AutoscaleOperation.Result r =
        once(
            heroku("shop", queued("worker", 2, 10, redis(50, Duration.ZERO, "queue:default"))),
            down);

    assertThat(r.failed()).isTrue();
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    assertThat(shop.quantity("worker")).isEqualTo(1);
    QueueEvent e = events.get(0);
    assertThat(e.action()).isEqualTo(Action.ERROR);
    assertThat(e.backlog()).isNull();
    assertThat(e.current()).isEqualTo(1);
    assertThat(e.desired()).isEqualTo(1);
    assertThat(e.reason())
        .startsWith(
            "could not read the backlog (redis REDIS_URL queue:default): Redis at redis://:****@")
        .endsWith("; keeping 1")
        .doesNotContain("hunter2");
  }

  @Test
  void aRateLimitedWrite_waitsAsTheApiSays_thenWrites() {
    redis.push("queue:default", 120);
    heroku.inject(FakeFault.rateLimited(1).on("PATCH", "/apps/shop/formation"));

    AutoscaleOperation.Result r =
        once(heroku("shop", queued("worker", 1, 10, redis(50, Duration.ZERO, "queue:default"))));

    assertThat(r.failed()).isFalse();
    assertThat(heroku.requests("PATCH", "/apps/shop/formation"))
        .extracting(RecordedRequest::status)
        .containsExactly(429, 200);
    assertThat(shop.quantity("worker")).isEqualTo(3);
  }

  @Test
  void aFailedWrite_isAnError_andTheCountStays() {
    redis.push("queue:default", 120);
    heroku.inject(
        FakeFault.answer(422, "{\"id\":\"invalid_params\",\"message\":\"nope\"}", Map.of())
            .on("PATCH", "/apps/shop/formation"));

    AutoscaleOperation.Result r =
        once(heroku("shop", queued("worker", 1, 10, redis(50, Duration.ZERO, "queue:default"))));

    assertThat(r.failed()).isTrue();
    assertThat(shop.quantity("worker")).isEqualTo(1);
    assertThat(events.get(0).action()).isEqualTo(Action.ERROR);
    assertThat(events.get(0).desired()).isEqualTo(1);
    assertThat(events.get(0).reason()).startsWith("the new count was not written: ");
  }

  @Test
  void rounds_scaleUpAtOnce_andDownOnlyAfterScaleDownAfter() {
    redis.push("queue:default", 420);
    Formation f =
        heroku("shop", queued("worker", 1, 10, redis(50, Duration.ofSeconds(60), "queue:default")));
    MutableClock clock = new MutableClock(T0);
    Interrupt stop = new Interrupt();
    List<Integer> counts = new ArrayList<>();
    AutoscaleOperation.Pacer pacer =
        (moment, s) -> {
          counts.add(shop.quantity("worker"));
          if (counts.size() == 1) {
            redis.delete(List.of("queue:default"));
          }
          if (counts.size() == 5) {
            s.request();
          }
          clock.now = moment;
        };
    try (Adapters platforms = adapters(redis.url())) {
      AutoscaleOperation.Result r =
          operation(redis.url(), clock, pacer).control(f, platforms, false, stop, events::add);
      assertThat(r.rounds()).isEqualTo(5);
    }
    // t=0 up to 9; t=30, t=60 the last minute still needed 9; t=90 every sample of the
    // last minute allowed 1
    assertThat(counts).containsExactly(9, 9, 9, 1, 1);
    assertThat(events)
        .extracting(QueueEvent::action)
        .containsExactly(Action.SCALE, Action.HOLD, Action.HOLD, Action.SCALE, Action.HOLD);
    assertThat(events.get(3).time()).isEqualTo(T0.plusSeconds(90));
    assertThat(heroku.requests("PATCH", ".*")).hasSize(2);
  }

  @Test
  void onceRunsFromCron_scaleDownAfterScaleDownAfter_onlyWithAStateFile() throws Exception {
    redis.push("queue:default", 420);
    Formation f =
        heroku("shop", queued("worker", 1, 10, redis(50, Duration.ofSeconds(60), "queue:default")));
    Path state = home.resolve("samples");
    List<Integer> remembering = new ArrayList<>();
    for (int run = 0; run < 4; run++) {
      onceAt(f, T0.plusSeconds(30L * run), state);
      remembering.add(shop.quantity("worker"));
      redis.delete(List.of("queue:default"));
    }
    // t=0 up to 9; t=30 and t=60 the last minute still held the 420; t=90 it allowed 1
    assertThat(remembering).containsExactly(9, 9, 9, 1);
    assertThat(Files.readString(state)).startsWith(SampleFile.HEADER + "\n");
    assertThat(Files.getPosixFilePermissions(state))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    shop.process("worker", "standard-2x", 9);
    redis.push("queue:default", 420);
    List<Integer> forgetting = new ArrayList<>();
    for (int run = 0; run < 4; run++) {
      onceAt(f, T0.plusSeconds(30L * run), null);
      forgetting.add(shop.quantity("worker"));
      redis.delete(List.of("queue:default"));
    }
    // each run knows one sample: never a minute of them, never down
    assertThat(forgetting).containsExactly(9, 9, 9, 9);
  }

  @Test
  void aBrokenStateFile_isFM202_andNothingIsReadOrWritten() throws Exception {
    redis.push("queue:default", 420);
    Path state = home.resolve("samples");
    Files.writeString(state, "not samples\n");
    Formation f =
        heroku("shop", queued("worker", 1, 10, redis(50, Duration.ofSeconds(60), "queue:default")));

    AutoscaleOperation.Result r = onceAt(f, T0, state);

    assertThat(r.failed()).isTrue();
    assertThat(r.diagnostics().sorted()).extracting(d -> d.code()).containsExactly(Code.FM202);
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
    assertThat(events).isEmpty();
    assertThat(Files.readString(state)).isEqualTo("not samples\n");
  }

  private AutoscaleOperation.Result onceAt(Formation f, Instant at, Path state) {
    try (Adapters platforms = adapters(redis.url())) {
      return operation(redis.url(), Clock.fixed(at, ZoneOffset.UTC), (m, s) -> {})
          .control(f, platforms, true, state, Interrupt.never(), events::add);
    }
  }

  @Test
  void aScheduleWindowsBand_isTheBandInForce() {
    redis.push("queue:default", 10);
    ProcessSpec base = queued("worker", 1, 10, redis(50, Duration.ZERO, "queue:default"));
    // T0 is a Monday, 09:00 UTC: inside the window, whose band keeps the base rule's queue
    WindowSpec mornings =
        new WindowSpec(
            "mornings",
            Set.of(DayOfWeek.MONDAY),
            "mon",
            8 * 60,
            10 * 60,
            null,
            new AutoscaleSpec(4, 6, AutoscaleSpec.DEFAULT_P95_MS, false),
            null);
    ProcessSpec scheduled =
        new ProcessSpec("worker", base.size(), null, base.autoscale(), null, List.of(mornings));

    once(heroku("shop", scheduled));

    assertThat(shop.quantity("worker")).isEqualTo(4);
    assertThat(events.get(0).reason()).isEqualTo("backlog 10 needs 4 at 50 per dyno");
  }

  @Test
  void nothingQueueDriven_isFM200() {
    AutoscaleOperation.Result r = once(heroku("shop", fixed("worker", 1)));
    assertThat(r.failed()).isTrue();
    assertThat(r.diagnostics().sorted()).extracting(d -> d.code().name()).containsExactly("FM200");
  }

  @Test
  void appsOfAPlatformWithItsOwnAutoscaler_areLeftAlone() {
    Formation f =
        QueueFormations.on(
            "kubernetes", "shop", queued("worker", 1, 10, redis(50, Duration.ZERO, "q")));
    assertThat(QueueController.controlled(f)).isEmpty();
  }

  private AutoscaleOperation.Result once(Formation f) {
    return once(f, redis.url());
  }

  private AutoscaleOperation.Result once(Formation f, String redisUrl) {
    try (Adapters platforms = adapters(redisUrl)) {
      return operation(redisUrl, Clock.fixed(T0, ZoneOffset.UTC), (m, s) -> {})
          .control(f, platforms, true, Interrupt.never(), events::add);
    }
  }

  private Host host(String redisUrl) {
    Map<String, String> env = new HashMap<>(heroku.env());
    env.put("REDIS_URL", redisUrl);
    return new Host(env, home, Listener.NONE);
  }

  private Adapters adapters(String redisUrl) {
    return new Adapters(host(redisUrl), Settings.DEFAULT, "test", PlatformContext.Intent.APPLY);
  }

  private AutoscaleOperation operation(
      String redisUrl, Clock clock, AutoscaleOperation.Pacer pacer) {
    return new AutoscaleOperation(host(redisUrl), "test", clock, pacer);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
