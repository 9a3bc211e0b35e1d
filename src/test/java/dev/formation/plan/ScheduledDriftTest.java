package dev.formation.plan;

import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.PlatformKind;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.live.LiveApp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** drift with schedules: the window in force decides, with a grace while the timer catches up. */
class ScheduledDriftTest {
  static final WindowSpec BATCH =
      new WindowSpec(
          "nightly-batch", EnumSet.allOf(DayOfWeek.class), "daily", 60, 240, 6, null, null);
  static final AppSpec SHOP =
      new AppSpec(
          "shop",
          PlatformKind.named("heroku"),
          false,
          null,
          List.of(
              new ProcessSpec(
                  "worker",
                  Catalog.standard().find("standard-2x").orElseThrow(),
                  1,
                  null,
                  null,
                  List.of(BATCH))),
          null,
          ZoneId.of("UTC"),
          null);

  static DriftReport drift(int workers, String at) {
    LiveApp live = liveApp("shop", null, live("worker", "Standard-2X", workers));
    Clock clock = Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC);
    return Drift.classify(
        new Formation(List.of(SHOP)), Map.of("shop", live), Map.of(), clock, Instant.parse(at));
  }

  @Test
  void insideTheWindow_theWindowsCountIsExpected() {
    assertThat(drift(6, "2026-12-08T02:00:00Z").items()).isEmpty();
    assertThat(drift(1, "2026-12-08T02:00:00Z").items())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.unexpected()).isTrue();
              assertThat(i.message())
                  .isEqualTo("`worker` runs 1 instead of 6 (window nightly-batch in force)");
            });
  }

  @Test
  void justAfterTheWindowOpens_theCountBeforeIt_isExpectedDrift() {
    DriftReport r = drift(1, "2026-12-08T01:10:00Z");

    assertThat(r.unexpectedCount()).isZero();
    assertThat(r.items())
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.message())
                    .isEqualTo(
                        "`worker` runs 1 instead of 6 (window nightly-batch in force since"
                            + " 2026-12-08T01:00:00Z; the next apply carries it out)"));
    assertThat(r.evaluatedAt()).isEqualTo("2026-12-08T01:10:00Z");
  }

  @Test
  void justAfterTheWindowCloses_itsCountIsExpected_butAnyOtherIsAHandChange() {
    assertThat(drift(6, "2026-12-08T04:20:00Z").unexpectedCount()).isZero();
    assertThat(drift(3, "2026-12-08T04:20:00Z").unexpectedCount()).isEqualTo(1);
    assertThat(drift(6, "2026-12-08T04:31:00Z").unexpectedCount())
        .as("past the grace of 30 minutes")
        .isEqualTo(1);
  }
}
