package dev.formation.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Test
  void parse_readsHoursMinutesAndSeconds_inThatOrder() {
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "2d", "30s5m", "1.5m", "-5m", "5 m", "m", "1234567h"})
  void parse_refusesWhatIsNotOne(String text) {
    assertThat(Durations.parse(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "1s", "59s", "1m", "1m1s", "1h", "1h1m1s", "25h"})
  void format_isReadBackAsTheSameDuration_inItsShortestSpelling(String text) {
    assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
  }

  @Test
  void format_writesTheShortestSpelling() {
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ofSeconds(3600))).isEqualTo("1h");
  }
}
