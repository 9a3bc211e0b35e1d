package dev.formation.platform.local.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.platform.local.daemon.ManualClock;
import dev.formation.platform.local.daemon.RouterMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterHistoryTest {
  @Test
  void routerHistory_countsEachMinute_withItsP95_andEmptyMinutesAreZero() {
    ManualClock clock = new ManualClock();
    clock.advance(Duration.ofSeconds(30)); // the router starts half-way through 11:00
    LatencyWindow w = new LatencyWindow(clock);
    for (int ms = 1; ms <= 40; ms++) {
      w.record(ms, ms % 10 == 0 ? 502 : 200);
    }
    clock.advance(Duration.ofMinutes(2)); // 11:02:30: 11:01 saw nothing
    w.record(7, 200);

    List<RouterMinute> minutes = w.lastHour();

    assertThat(minutes)
        .containsExactly(
            new RouterMinute(Instant.parse("2026-11-28T11:00:00Z"), 30, 40, 4, 38),
            new RouterMinute(Instant.parse("2026-11-28T11:01:00Z"), 60, 0, 0, -1),
            new RouterMinute(Instant.parse("2026-11-28T11:02:00Z"), 30, 1, 0, 7));
  }

  @Test
  void routerHistory_keepsTheLastHourOnly_andForgetsWhatRolledOver() {
    ManualClock clock = new ManualClock();
    LatencyWindow w = new LatencyWindow(clock);
    w.record(500, 200);
    for (int m = 1; m <= 70; m++) {
      clock.advance(Duration.ofMinutes(1));
      w.record(m, 200);
    }

    List<RouterMinute> minutes = w.lastHour();

    assertThat(minutes).hasSize(RouterHistory.MINUTES);
    for (int i = 0; i < minutes.size(); i++) {
      Instant start = Instant.parse("2026-11-28T11:11:00Z").plus(Duration.ofMinutes(i));
      assertThat(minutes.get(i)).isEqualTo(new RouterMinute(start, i == 59 ? 0 : 60, 1, 0, 11 + i));
    }

    clock.advance(Duration.ofHours(3).plusSeconds(15)); // a silent afternoon: nothing old is left
    minutes = w.lastHour();
    assertThat(minutes)
        .hasSize(RouterHistory.MINUTES)
        .allMatch(m -> m.requests() == 0 && m.errors() == 0 && m.p95() == -1);
    assertThat(minutes.get(59).seconds()).isEqualTo(15);
    assertThat(minutes.get(58).seconds()).isEqualTo(60);
  }

  @Test
  void routerHistory_p95OfSlowResponses_isAtMostOneSixteenthAbove_andNeverAboveTheSlowest() {
    ManualClock clock = new ManualClock();
    LatencyWindow w = new LatencyWindow(clock);
    for (int ms = 1000; ms <= 2000; ms += 10) {
      w.record(ms, 200);
    }
    long p95 = w.lastHour().get(0).p95(); // the true one: 1950
    assertThat(p95).isBetween(1950L, 1950L + 1950 / 16);

    for (int i = 0; i < 200; i++) { // three hours, beyond the histogram: the minute's slowest
      w.record(10_800_000, 200);
    }
    assertThat(w.lastHour().get(0).p95()).isEqualTo(10_800_000);
  }

  @Test
  void routerHistory_binsAreContiguous_andEachUpperBoundIsItsOwn() {
    for (long ms = 0; ms < 1 << 22; ms += 1 + ms / 64) {
      int bin = RouterHistory.bin(ms);
      assertThat(RouterHistory.upper(bin)).isGreaterThanOrEqualTo(ms);
      assertThat(bin == 0 || RouterHistory.upper(bin - 1) < ms).isTrue();
    }
    assertThat(RouterHistory.bin(1L << 40)).isEqualTo(RouterHistory.BINS - 1);
  }
}
