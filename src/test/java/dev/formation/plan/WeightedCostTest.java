package dev.formation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monthly estimate with schedules against hand arithmetic: a window in force h hours of the
 * 168-hour week counts for h/168 of the month at its own count, the type's own count for the rest.
 */
class WeightedCostTest {
  static ProcessSpec fixed(String size, int quantity, WindowSpec... windows) {
    return new ProcessSpec(
        "worker",
        Catalog.standard().find(size).orElseThrow(),
        quantity,
        null,
        null,
        List.of(windows));
  }

  static WindowSpec daily(int fromHour, int toHour, int quantity) {
    return new WindowSpec(
        "w" + fromHour,
        EnumSet.allOf(DayOfWeek.class),
        "daily",
        fromHour * 60,
        toHour * 60,
        quantity,
        null,
        null);
  }

  @ParameterizedTest(name = "{0} ×{1}, daily {2}–{3} ×{4}: ${5}")
  @CsvSource({
    // 21 h of 168 at $300, 147 h at $50: 37.50 + 43.75 = 81.25
    "standard-2x, 1, 1, 4, 6, 81",
    // 7 × 11 h = 77 h at $250 (10 × $25), 91 h at $50: 114.58 + 27.08 = 141.67
    "standard-1x, 2, 8, 19, 10, 142",
    // a whole day every day: the window's own cost
    "standard-1x, 2, 0, 24, 10, 250",
    // 7 h of 168 at $0: 25 × 161/168 = 23.958
    "standard-1x, 1, 0, 1, 0, 24",
    // crossing midnight: 22:00–02:00 is 4 h a day, 28 h: 4 × 50 × 28/168 + 1 × 50 × 140/168
    "standard-2x, 1, 22, 2, 4, 75",
  })
  void weighted_matchesHandArithmetic(
      String size, int quantity, int from, int to, int inside, long expected) {
    assertThat(Costs.weighted(fixed(size, quantity, daily(from, to, inside))))
        .isEqualTo(CostRange.fixed(expected));
  }

  @Test
  void weighted_ofAnAutoscaledType_weighsBothEndsOfTheBand() {
    WindowSpec business =
        new WindowSpec(
            "business-hours",
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            "mon-fri",
            8 * 60,
            19 * 60,
            null,
            new AutoscaleSpec(4, 10, 500, false),
            null);
    ProcessSpec web =
        new ProcessSpec(
            "web",
            Catalog.standard().find("performance-m").orElseThrow(),
            null,
            new AutoscaleSpec(2, 8, 500, false),
            null,
            List.of(business));

    // 55 h of 168: min 500 + 500 × 55/168 = 663.69; max 2000 + 500 × 55/168 = 2163.69
    assertThat(Costs.weighted(web)).isEqualTo(new CostRange(664, 2164));
  }

  @Test
  void weighted_ofATypeWithoutSchedule_isItsCost() {
    ProcessSpec plain = fixed("standard-2x", 3);

    assertThat(Costs.weighted(plain)).isEqualTo(Costs.of(plain)).isEqualTo(CostRange.fixed(150));
  }

  @Test
  void weighted_roundsHalfUp() {
    // 84 h of 168 at $25 (1 dyno), the rest at $0: exactly $12.50
    WindowSpec half =
        new WindowSpec("half", EnumSet.allOf(DayOfWeek.class), "daily", 0, 12 * 60, 1, null, null);

    assertThat(Costs.weighted(fixed("standard-1x", 0, half))).isEqualTo(CostRange.fixed(13));
  }
}
