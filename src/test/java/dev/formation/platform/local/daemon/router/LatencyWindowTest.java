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
      w.record(ms, 200);
    }
    assertThat(w.p95(Duration.ofMinutes(1))).isEqualTo(95);
    assertThat(w.count(Duration.ofMinutes(1))).isEqualTo(100);
  }

  @Test
  void latencyWindow_keepsOnlyTheWindow_andTheLastMaxSamples() {
    ManualClock clock = new ManualClock();
    LatencyWindow w = new LatencyWindow(clock);
    for (int i = 0; i < 10; i++) {
      w.record(1000, 200);
    }
    clock.advance(Duration.ofSeconds(90));
    for (int i = 0; i < 20; i++) {
      w.record(5, 200);
    }
    assertThat(w.count(Duration.ofMinutes(1))).isEqualTo(20);
    assertThat(w.p95(Duration.ofMinutes(1))).isEqualTo(5);
    assertThat(w.count(Duration.ofMinutes(2))).isEqualTo(30);
    assertThat(w.p95(Duration.ofMinutes(2))).isEqualTo(1000);
    // past the ring's size the oldest go first: the slow ones are overwritten by fast ones
    for (int i = 0; i < LatencyWindow.MAX_SAMPLES; i++) {
      w.record(2, 200);
    }
    assertThat(w.count(Duration.ofMinutes(2))).isEqualTo(LatencyWindow.MAX_SAMPLES);
    assertThat(w.p95(Duration.ofMinutes(2))).isEqualTo(2);
  }
}
