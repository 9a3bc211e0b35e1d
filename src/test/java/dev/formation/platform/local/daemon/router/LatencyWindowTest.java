package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {
  @Test
  void latencyWindow_p95_isTheNinetyFifthPercentile_orMinusOneWhenIdle() {
    LatencyWindow w = new LatencyWindow(new ManualClock());
    assertThat(w.p95(Duration.ofMinutes(1))).isEqualTo(-1);
    for (int ms = 100; ms >= 1; ms--) {
      w.record(ms);
    }
    assertThat(w.p95(Duration.ofMinutes(1))).isEqualTo(95);
    assertThat(w.count(Duration.ofMinutes(1))).isEqualTo(100);
  }
}
