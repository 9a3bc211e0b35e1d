package dev.formation.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.autoscale.QueueDecision.Band;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueDecisionTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final QueueRule RULE =
      new QueueRule(
          new QueueSource.Redis("REDIS_URL", null, List.of("queue:default")),
          50,
          Duration.ofMinutes(5),
          Duration.ofSeconds(30));
  private static final Band BAND = new Band(1, 10);

  @Test
  void aBacklog_needsItsCeilingOverPerDyno_withinTheBand() {
    assertThat(QueueDecision.needed(0, 50, BAND)).isEqualTo(1);
    assertThat(QueueDecision.needed(50, 50, BAND)).isEqualTo(1);
    assertThat(QueueDecision.needed(51, 50, BAND)).isEqualTo(2);
    assertThat(QueueDecision.needed(420, 50, BAND)).isEqualTo(9);
    assertThat(QueueDecision.needed(Long.MAX_VALUE, 1, BAND)).isEqualTo(10);
  }

  @Test
  void aBacklog_scalesUpAtOnce() {
    Decision d = QueueDecision.decide(List.of(sample(0, 420)), 3, RULE, BAND, T0);
    assertThat(d.desired()).isEqualTo(9);
    assertThat(d.reason()).isEqualTo("backlog 420 needs 9 at 50 per dyno");
  }

  @Test
  void aDrainedQueue_scalesDownOnlyAfterScaleDownAfter_toTheHighestCountItNeeded() {
    List<Sample> history = List.of(sample(0, 420), sample(60, 120), sample(290, 10));
    Decision early = QueueDecision.decide(history, 9, RULE, BAND, T0.plusSeconds(299));
    assertThat(early.desired()).isEqualTo(9);
    assertThat(early.reason()).isEqualTo("backlog 10 needs 1 at 50 per dyno, but not yet for 5m");
    Decision late = QueueDecision.decide(history, 9, RULE, BAND, T0.plusSeconds(330));
    assertThat(late.desired()).isEqualTo(3);
    assertThat(late.reason())
        .isEqualTo("backlog 10 needs 1 at 50 per dyno; the last 5m needed at most 3");
  }

  @Test
  void noSample_keepsTheCurrentCount() {
    Decision d = QueueDecision.decide(List.of(), 4, RULE, BAND, T0);
    assertThat(d.desired()).isEqualTo(4);
    assertThat(d.changes(4)).isFalse();
  }

  @Test
  void aCountAboveMax_comesDownToMax_atOnce() {
    Decision d = QueueDecision.decide(List.of(sample(0, 0)), 14, RULE, BAND, T0);
    assertThat(d.desired()).isEqualTo(10);
    assertThat(d.reason()).contains("14 is outside min 1 .. max 10");
  }

  @Test
  void durations_readAsTheFileWritesThem() {
    assertThat(QueueDecision.words(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(QueueDecision.words(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(QueueDecision.words(Duration.ZERO)).isEqualTo("0s");
    assertThat(QueueDecision.words(Duration.ofHours(1))).isEqualTo("1h");
  }

  private static Sample sample(int seconds, long backlog) {
    return new Sample(T0.plusSeconds(seconds), backlog);
  }
}
