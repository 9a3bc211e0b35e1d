package dev.formation.plan;

import static dev.formation.plan.Fixtures.live;
import static dev.formation.plan.Fixtures.liveApp;
import static dev.formation.plan.Fixtures.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private final LiveApp base =
      liveApp(
          "shop",
          monitor(true, 2, 8),
          live("web", "Performance-M", 3),
          live("worker", "Standard-2X", 2));

  @Test
  void fingerprint_isSixteenHexCharsAndStable() {
    assertThat(Fingerprint.of(base)).matches("[0-9a-f]{16}").isEqualTo(Fingerprint.of(base));
  }

  @Test
  void fingerprint_ignoresOrderTimestampsCommandAndSizeCase() {
    LiveApp same =
        new LiveApp(
            "shop",
            "id-shop",
            "cedar",
            List.of(
                new LiveProcess("worker", "standard-2x", 2, "other", Instant.EPOCH),
                new LiveProcess("web", "PERFORMANCE-M", 3, null, null)),
            monitor(true, 2, 8));

    assertThat(Fingerprint.of(same)).isEqualTo(Fingerprint.of(base));
  }

  @Test
  void fingerprint_changesWhenQuantitySizeOrMonitorChanges() {
    String original = Fingerprint.of(base);

    assertThat(
            Fingerprint.of(
                liveApp(
                    "shop",
                    monitor(true, 2, 8),
                    live("web", "Performance-M", 3),
                    live("worker", "Standard-2X", 3))))
        .isNotEqualTo(original);
    assertThat(
            Fingerprint.of(
                liveApp(
                    "shop",
                    monitor(true, 2, 8),
                    live("web", "Performance-L", 3),
                    live("worker", "Standard-2X", 2))))
        .isNotEqualTo(original);
    assertThat(
            Fingerprint.of(
                liveApp(
                    "shop",
                    monitor(false, 2, 8),
                    live("web", "Performance-M", 3),
                    live("worker", "Standard-2X", 2))))
        .isNotEqualTo(original);
    assertThat(
            Fingerprint.of(
                liveApp(
                    "shop",
                    null,
                    live("web", "Performance-M", 3),
                    live("worker", "Standard-2X", 2))))
        .isNotEqualTo(original);
  }

  @Test
  void fingerprint_ignoresTheAutoscalerMovingWeb_butNotAHandScaleThatTurnedItOff() {
    String original = Fingerprint.of(base);
    LiveApp autoscalerMoved =
        liveApp(
            "shop",
            monitor(true, 2, 8),
            live("web", "Performance-M", 6),
            live("worker", "Standard-2X", 2));
    LiveApp scaledByHand =
        liveApp(
            "shop",
            monitor(false, 2, 8),
            live("web", "Performance-M", 6),
            live("worker", "Standard-2X", 2));
    LiveApp webWithoutAutoscaler =
        liveApp("shop", null, live("web", "Performance-M", 3), live("worker", "Standard-2X", 2));

    assertThat(Fingerprint.of(autoscalerMoved)).isEqualTo(original);
    assertThat(Fingerprint.of(scaledByHand)).isNotEqualTo(original);
    assertThat(Fingerprint.of(webWithoutAutoscaler))
        .isNotEqualTo(
            Fingerprint.of(
                liveApp(
                    "shop",
                    null,
                    live("web", "Performance-M", 4),
                    live("worker", "Standard-2X", 2))));
  }

  @Test
  void planApp_carriesTheLiveFingerprint() {
    AppPlan p =
        Fixtures.planApp(
            Fixtures.app("shop", false, Fixtures.proc("web", "performance-m", 3)), base);

    assertThat(p.fingerprint()).isEqualTo(Fingerprint.of(base));
  }
}
