package dev.formation.platform.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireMappingTest {
  @Test
  void instant_ofHerokusShape_isWhatInstantParseReads_overTheWholeRange() {
    Random random = new Random(20261203);
    long lowest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long highest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      String text =
          Instant.ofEpochSecond(lowest + (long) (random.nextDouble() * (highest - lowest)))
              .toString();

      assertThat(WireMapping.instant(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-05T10:00:00Z",
        "2028-02-29T23:59:59Z",
        "2026-02-29T10:00:00Z",
        "2026-02-30T10:00:00Z",
        "2026-13-05T10:00:00Z",
        "2026-00-05T10:00:00Z",
        "2026-01-00T10:00:00Z",
        "2026-01-05T24:00:00Z",
        "2026-01-05T23:60:00Z",
        "2026-12-31T23:59:60Z",
        "2026-01-05T10:00:00.5Z",
        "2026-01-05T10:00:00+01:00",
        "2026-01-05t10:00:00Z",
        "2026-01-05T10:00:00z",
        "2026/01/05T10:00:00Z",
        "2026-01-05 10:00:00Z",
        "2026-01-05T10-00-00Z",
        "2026-01-05T1a:00:00Z",
        "２０２６-01-05T10:00:00Z",
        "-026-01-05T10:00:00Z",
        "+2026-01-05T10:00:00Z",
        "2026-01-05T10:00:0Z",
        "2026-01-05",
        "",
        " 2026-01-05T10:00:00Z",
        "garbage"
      })
  void instant_ofAnyText_isWhatInstantParseReads_orNullWhereItRefuses(String text) {
    Instant expected;
    try {
      expected = Instant.parse(text);
    } catch (DateTimeParseException e) {
      expected = null;
    }

    assertThat(WireMapping.instant(text)).as(text).isEqualTo(expected);
  }

  @Test
  void instant_ofNothing_isNull() {
    assertThat(WireMapping.instant(null)).isNull();
  }
}
