package dev.formation.plan;

import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.live.LiveApp;
import org.junit.jupiter.api.Test;

class LiveMovesTest {
  private final LiveApp planned =
      liveApp(
          "shop",
          monitor(true, 2, 8),
          live("web", "Performance-M", 3),
          live("worker", "Standard-2X", 2));

  @Test
  void between_sameStateInOtherCaseAndOrder_isEmptyLikeTheFingerprint() {
    LiveApp now =
        liveApp(
            "shop",
            monitor(true, 2, 8),
            live("worker", "standard-2x", 2),
            live("web", "PERFORMANCE-M", 3));

    assertThat(LiveMoves.between(planned, now)).isEmpty();
    assertThat(Fingerprint.of(now)).isEqualTo(Fingerprint.of(planned));
  }

  @Test
  void between_handChanges_namesEachOne() {
    LiveApp now =
        liveApp(
            "shop",
            monitor(false, 2, 8),
            live("web", "Performance-M", 5),
            live("clock", "Standard-1X", 1));

    assertThat(LiveMoves.between(planned, now))
        .containsExactly(
            "process type `clock` appeared (Standard-1X ×1)",
            "web: Performance-M ×3 → Performance-M ×5",
            "process type `worker` disappeared (was Standard-2X ×2)",
            "autoscaler: on 2..8, p95 500 ms, notify (id mon-1) → off 2..8, p95 500 ms, notify"
                + " (id mon-1)");
    assertThat(Fingerprint.of(now)).isNotEqualTo(Fingerprint.of(planned));
  }

  @Test
  void between_monitorRemoved_saysNone() {
    LiveApp now =
        liveApp("shop", null, live("web", "Performance-M", 3), live("worker", "Standard-2X", 2));

    assertThat(LiveMoves.between(planned, now))
        .containsExactly("autoscaler: on 2..8, p95 500 ms, notify (id mon-1) → none");
  }
}
