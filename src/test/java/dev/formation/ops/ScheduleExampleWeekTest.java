package dev.formation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import dev.formation.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/schedules/formation.yaml as the CI timer job runs it: an apply every hour of a week,
 * from a commit on main, each with its own injected moment. None breaks the example's guardrails,
 * and the counts follow the windows.
 */
class ScheduleExampleWeekTest {
  @TempDir Path dir;

  @Test
  void hourlyAppliesForAWeek_keepToTheGuardrails_andFollowTheWindows() throws Exception {
    try (FakeHeroku heroku = FakeHeroku.start();
        GitFixture repo = GitFixture.init(dir)) {
      FakeApp production =
          heroku
              .addApp("shop-production", "cedar")
              .process("web", "performance-m", 2)
              .process("worker", "standard-2x", 2);
      production.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, false);
      FakeApp staging =
          heroku
              .addApp("shop-staging", "cedar")
              .process("web", "standard-1x", 1)
              .process("worker", "standard-1x", 2);
      repo.write("formation.yaml", Files.readString(Path.of("examples/schedules/formation.yaml")));
      repo.commit("the schedules example");
      Host host = new Host(Map.of("HEROKU_API_KEY", heroku.token()), dir, Listener.NONE);
      Settings settings = new Settings(2, heroku.url(), false);
      ConfigSource config = ConfigSource.onDisk(List.of(), dir);

      Instant monday = Instant.parse("2026-12-07T00:00:00Z");
      for (int hour = 0; hour < 7 * 24; hour++) {
        Instant now = monday.plus(Duration.ofHours(hour));
        ApplyOperation op = new ApplyOperation(host, "test", Clock.fixed(now, ZoneOffset.UTC));
        try (ApplyOperation.Prepared p =
            op.prepare(new ApplyOperation.Request(config, Selection.ALL, settings, null, false))) {
          assertThat(p.ok()).as("apply at %s: %s", now, p.diagnostics().sorted()).isTrue();
          if (p.plan().hasChanges()) {
            assertThat(p.apply().report().failed()).as("apply at %s", now).isFalse();
          }
        }
        if (now.equals(Instant.parse("2026-12-07T07:00:00Z"))) {
          // 02:00 in New York (batch), 08:00 in Berlin (a weekday)
          assertThat(production.quantity("worker")).isEqualTo(4);
          assertThat(staging.quantity("worker")).isEqualTo(2);
        }
        if (now.equals(Instant.parse("2026-12-07T15:00:00Z"))) {
          // 10:00 in New York: business hours; 16:00 in Berlin
          assertThat(scaleMax(production)).isEqualTo(10);
          assertThat(production.quantity("worker")).isEqualTo(2);
        }
        if (now.equals(Instant.parse("2026-12-07T21:00:00Z"))) {
          // 22:00 in Berlin: staging's workers are off
          assertThat(staging.quantity("worker")).isZero();
          assertThat(staging.quantity("web")).isEqualTo(1);
        }
        if (now.equals(Instant.parse("2026-12-12T13:00:00Z"))) {
          // Saturday: no business hours in New York, the weekend window in Berlin
          assertThat(scaleMax(production)).isEqualTo(8);
          assertThat(staging.quantity("worker")).isZero();
        }
      }
    }
  }

  private static int scaleMax(FakeApp app) {
    return app.monitors().stream()
        .filter(m -> m.actionType.equals("scale"))
        .findFirst()
        .orElseThrow()
        .maxQuantity;
  }
}
