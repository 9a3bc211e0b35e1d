package dev.formation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostRangeUsdTest {
  @Test
  void usd_groupsThousandsAsTheRootLocaleDoes_forAnyAmount() {
    Random random = new Random(20261203);
    long[] edges = {0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long usd : edges) {
      assertThat(CostRange.usd(usd)).isEqualTo(expected(usd));
    }
    for (int i = 0; i < 10_000; i++) {
      long usd = random.nextLong() >> random.nextInt(64);
      assertThat(CostRange.usd(usd)).as("%d", usd).isEqualTo(expected(usd));
    }
  }

  @Test
  void usd_ofPlanAmounts() {
    assertThat(CostRange.usd(1250)).isEqualTo("$1,250");
    assertThat(CostRange.usd(-25)).isEqualTo("-$25");
    assertThat(CostRange.usd(0)).isEqualTo("$0");
  }

  private static String expected(long usd) {
    String grouped = String.format(Locale.ROOT, "%,d", usd);
    return usd < 0 ? "-$" + grouped.substring(1) : "$" + grouped;
  }
}
