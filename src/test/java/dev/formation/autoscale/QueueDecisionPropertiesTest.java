package dev.formation.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.autoscale.QueueDecision.Band;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the queue decision over generated histories (a seeded generator, so a failure names
 * the seed that repeats it): never outside the band, never down before {@code scale_down_after},
 * monotone in the backlog, idempotent at steady state, up at once.
 */
class QueueDecisionPropertiesTest {
  private static final int CASES = 3000;
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  /** One generated case: a rule, its band, the samples, the count now and the moment. */
  record Case(QueueRule rule, Band band, List<Sample> samples, int current, Instant now) {
    Decision decide() {
      return QueueDecision.decide(samples, current, rule, band, now);
    }

    Case with(List<Sample> other, int count) {
      return new Case(rule, band, other, count, now);
    }
  }

  @Test
  void desired_isNeverOutsideTheBand() {
    for (long seed = 0; seed < CASES; seed++) {
      Case c = generate(new Random(seed));
      Decision d = c.decide();
      assertThat(d.desired()).as("seed %d %s", seed, c).isBetween(c.band().min(), c.band().max());
    }
  }

  @Test
  void aLowerCount_comesOnlyAfterScaleDownAfterOfSamplesThatAllowedIt() {
    int downs = 0;
    for (long seed = 0; seed < CASES; seed++) {
      Case c = generate(new Random(seed));
      Decision d = c.decide();
      if (d.desired() >= c.current() || c.current() > c.band().max()) {
        continue;
      }
      downs++;
      Instant from = c.now().minus(c.rule().scaleDownAfter());
      List<Sample> seen = c.samples().stream().filter(s -> !s.at().isAfter(c.now())).toList();
      assertThat(seen).as("seed %d", seed).anyMatch(s -> !s.at().isAfter(from));
      List<Sample> window = seen.stream().filter(s -> !s.at().isBefore(from)).toList();
      assertThat(window).as("seed %d", seed).isNotEmpty();
      for (Sample s : window) {
        assertThat(QueueDecision.needed(s.backlog(), c.rule().perDyno(), c.band()))
            .as("seed %d: %s in the window of %s", seed, s, c)
            .isLessThanOrEqualTo(d.desired());
      }
    }
    assertThat(downs).as("generated cases that scale down").isGreaterThan(CASES / 40);
  }

  @Test
  void desired_isMonotoneInTheBacklog() {
    for (long seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      Case c = generate(random);
      List<Sample> more = new ArrayList<>();
      for (Sample s : c.samples()) {
        long extra = random.nextBoolean() ? 0 : random.nextInt(400);
        more.add(new Sample(s.at(), s.backlog() + extra));
      }
      assertThat(c.with(more, c.current()).decide().desired())
          .as("seed %d %s", seed, c)
          .isGreaterThanOrEqualTo(c.decide().desired());
    }
  }

  @Test
  void aDecision_madeAgainFromItsOwnCount_holds() {
    for (long seed = 0; seed < CASES; seed++) {
      Case c = generate(new Random(seed));
      int desired = c.decide().desired();
      assertThat(c.with(c.samples(), desired).decide().desired())
          .as("seed %d %s", seed, c)
          .isEqualTo(desired);
    }
  }

  @Test
  void aSteadyBacklog_atTheCountItNeeds_holds() {
    for (long seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      Case c = generate(random);
      long backlog = random.nextInt(2000);
      List<Sample> steady = c.samples().stream().map(s -> new Sample(s.at(), backlog)).toList();
      int needed = QueueDecision.needed(backlog, c.rule().perDyno(), c.band());
      Decision d = c.with(steady, needed).decide();
      assertThat(d.desired()).as("seed %d %s", seed, c).isEqualTo(needed);
      assertThat(d.changes(needed)).isFalse();
    }
  }

  @Test
  void aBacklogAboveTheCount_scalesUpAtOnce_toWhatItNeeds() {
    for (long seed = 0; seed < CASES; seed++) {
      Case c = generate(new Random(seed));
      Decision d = c.decide();
      if (!c.samples().isEmpty() && d.needed() > c.current()) {
        assertThat(d.desired()).as("seed %d %s", seed, c).isEqualTo(d.needed());
      }
    }
  }

  @Test
  void theRetainedSamples_decideAsAllOfThemDo() {
    for (long seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      Case c = generate(random);
      List<Sample> kept = QueueDecision.retained(c.samples(), c.rule(), c.now());
      Instant later = c.now().plusSeconds(random.nextInt(120));
      Sample next = new Sample(later, random.nextInt(3000));
      List<Sample> all = new ArrayList<>(c.samples());
      all.add(next);
      List<Sample> keptAndNext = new ArrayList<>(kept);
      keptAndNext.add(next);
      Decision full = QueueDecision.decide(all, c.current(), c.rule(), c.band(), later);
      Decision retained = QueueDecision.decide(keptAndNext, c.current(), c.rule(), c.band(), later);
      assertThat(retained).as("seed %d %s", seed, c).isEqualTo(full);
      assertThat(kept.size()).isLessThanOrEqualTo(c.samples().size());
    }
  }

  private static Case generate(Random random) {
    int min = random.nextInt(4);
    Band band = new Band(min, min + random.nextInt(12));
    int interval = 1 + random.nextInt(30);
    QueueRule rule =
        new QueueRule(
            new QueueSource.Redis("REDIS_URL", null, List.of("queue:default")),
            1 + random.nextInt(60),
            Duration.ofSeconds(random.nextInt(4) == 0 ? 0 : random.nextInt(300)),
            Duration.ofSeconds(interval));
    List<Sample> samples = new ArrayList<>();
    Instant at = T0;
    long backlog = random.nextInt(600);
    int count = random.nextInt(25);
    for (int i = 0; i < count; i++) {
      at = at.plusSeconds(interval * (1 + (random.nextInt(5) == 0 ? random.nextInt(4) : 0)));
      backlog = Math.max(0, backlog + random.nextInt(301) - 160);
      samples.add(new Sample(at, random.nextInt(10) == 0 ? 0 : backlog));
    }
    java.util.Collections.shuffle(samples, random);
    Instant now = at.plusSeconds(random.nextInt(interval + 1));
    return new Case(rule, band, samples, random.nextInt(band.max() + 4), now);
  }
}
