package dev.formation.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.ConfigLoader;
import dev.formation.config.ProcessSpec;
import dev.formation.config.SourceText;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.live.SetupStep;
import dev.formation.plan.schedule.Windows;
import dev.formation.testing.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local app's queue rules as part of its registration: from the file's specs, compared with the
 * daemon's, kept in a saved plan.
 */
class LocalQueueTest {
  private static final Path DIR = Path.of("/srv/queue-demo");
  private static final QueueRule RULE =
      new QueueRule(
          new QueueSource.Redis("REDIS_URL", null, List.of("queue:default")),
          100,
          Duration.ofSeconds(30),
          Duration.ofSeconds(5));
  private static final LocalQueue WORKER = new LocalQueue("worker", 1, 5, RULE);

  @Test
  void theSpec_givesARegistrationWithTheQueueRulesOfItsTypes() {
    ProcessSpec worker =
        new ProcessSpec(
            "worker",
            Catalog.standard().find("standard-1x").orElseThrow(),
            null,
            new AutoscaleSpec(1, 5, AutoscaleSpec.DEFAULT_P95_MS, false, RULE),
            null);
    ProcessSpec web =
        new ProcessSpec("web", Catalog.standard().find("standard-1x").orElseThrow(), 1, null, null);
    LocalSpec spec = new LocalSpec(DIR, 5010, Map.of("worker", "sh worker.sh", "web", "x"));

    LocalRegistration r = (LocalRegistration) spec.placement(List.of(web, worker));

    assertThat(r.queues()).containsExactly(WORKER);
  }

  /**
   * A schedule window's band reaches the daemon as KEDA's does: the registration carries the band
   * in force when it is planned, so the apply run inside the window re-registers the rule.
   */
  @Test
  void aScheduleWindowsBand_isTheRegistrationsBandInsideIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Procfile"), "worker: sh worker.sh\n");
    String yaml =
        """
        version: 1
        apps:
          queue-demo:
            platform: local
            local: {dir: ., port: 5010}
            timezone: UTC
            processes:
              worker:
                size: standard-1x
                autoscale:
                  min: 1
                  max: 5
                  queue:
                    redis: {url_env: REDIS_URL, list: queue:default}
                    per_dyno: 100
                schedule:
                  - {name: busy, days: daily, from: "01:00", to: "03:00", autoscale: {min: 3, max: 8}}
        """;
    AppSpec app =
        ConfigLoader.standard()
            .loadTexts(List.of(new SourceText("formation.yaml", yaml, dir)))
            .formationOrNull()
            .app("queue-demo")
            .orElseThrow();

    LocalRegistration inside =
        (LocalRegistration) Windows.resolve(app, Instant.parse("2026-12-08T02:00:00Z")).placement();
    LocalRegistration outside =
        (LocalRegistration) Windows.resolve(app, Instant.parse("2026-12-08T12:00:00Z")).placement();

    assertThat(inside.queues())
        .extracting(LocalQueue::min, LocalQueue::max)
        .containsExactly(tuple(3, 8));
    assertThat(outside.queues())
        .extracting(LocalQueue::min, LocalQueue::max)
        .containsExactly(tuple(1, 5));
    assertThat(inside.queues().get(0).rule()).isEqualTo(outside.queues().get(0).rule());
  }

  @Test
  void aRuleTheDaemonLacks_isOneSetupStep_inThePlansWords() {
    LocalRegistration want =
        new LocalRegistration(DIR, 5010, Map.of("worker", "w"), List.of(WORKER));
    LiveApp live = live(new LocalRegistration(DIR, 5010, Map.of("worker", "w")));

    List<SetupStep> steps = want.stepsFrom(live);

    assertThat(steps).hasSize(1);
    SetupStep s = steps.get(0);
    assertThat(s.operation()).isEqualTo("queue");
    assertThat(s.type()).isEqualTo("worker");
    assertThat(s.from()).isEqualTo("none");
    assertThat(s.to())
        .isEqualTo("1..5, 100 per dyno of redis REDIS_URL queue:default, down after 30s, every 5s");
    assertThat(new LocalProvider().words(s, p -> p).label()).isEqualTo("queue rule of worker");
    assertThat(want.shownBy(live)).isFalse();
    assertThat(want.differencesIn(live)).hasSize(1);
    assertThat(want.problemsIn(live))
        .containsExactly("the registered queue rules are not the file's");
    assertThat(want.shownBy(live(want))).isTrue();
    assertThat(want.stepsFrom(live(want))).isEmpty();
  }

  @Test
  void aSavedPlan_keepsTheRules_andReadsThemBack() throws Exception {
    LocalRegistration want =
        new LocalRegistration(
            DIR,
            5010,
            Map.of("worker", "w"),
            List.of(
                WORKER,
                new LocalQueue(
                    "mailer",
                    2,
                    3,
                    new QueueRule(
                        new QueueSource.Postgres("DATABASE_URL", null, "SELECT count(*) FROM jobs"),
                        10,
                        Duration.ZERO,
                        Duration.ofSeconds(30)))));
    Map<String, Object> json = want.json(true);

    LocalRegistration back =
        LocalRegistration.of(
            JsonMapper.shared().readValue(JsonMapper.shared().writeValueAsString(json), Map.class));

    assertThat(back.queues()).isEqualTo(want.queues());
    assertThat(
            JsonSchemas.errors(
                "plan.schema.json#/$defs/registration",
                JsonMapper.shared().writeValueAsString(json)))
        .isEmpty();
    assertThat(new LocalRegistration(DIR, 5010, Map.of("worker", "w")).json(true))
        .doesNotContainKey("queues");
  }

  private static LiveApp live(LocalRegistration has) {
    return new LiveApp(
        "queue-demo",
        "id",
        "cedar",
        List.of(new LiveProcess("worker", "Standard-1X", 1, "w", null)),
        null,
        has);
  }
}
