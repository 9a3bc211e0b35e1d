package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import dev.formation.diag.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of windows: checked in one sweep of the week, reported in a bounded number of lines.
 */
class ScheduleRulesScaleTest {
  @TempDir Path dir;

  private LoadResult load(String windows) throws IOException {
    Files.writeString(
        dir.resolve("formation.yaml"),
        "version: 1\napps:\n  shop:\n    processes:\n      worker:\n        size: standard-1x\n"
            + "        quantity: 1\n        schedule:\n"
            + windows);
    return new ConfigLoader(Catalog.standard(), dir).load(List.of(Path.of("formation.yaml")));
  }

  private static String window(int i, String days, int from, int to) {
    return String.format(
        "          - {name: w%d, days: %s, from: \"%02d:%02d\", to: \"%02d:%02d\", quantity: 2}%n",
        i, days, from / 60, from % 60, to / 60, to % 60);
  }

  @Test
  void fiveThousandDisjointWindows_areValid() throws IOException {
    StringBuilder yaml = new StringBuilder();
    String[] days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    int n = 0;
    for (String day : days) {
      for (int m = 0; m + 1 < 24 * 60 && n < 5000; m += 2) {
        yaml.append(window(n++, day, m, m + 1));
      }
    }

    LoadResult r = load(yaml.toString());

    assertThat(r.diagnostics().sorted()).isEmpty();
    assertThat(r.formationOrNull().apps().get(0).processes().get(0).schedule()).hasSize(5000);
  }

  @Test
  void threeThousandWindowsAllAtOnce_giveAtMostTenOverlapErrors() throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      yaml.append(window(i, "daily", 60, 120));
    }

    LoadResult r = load(yaml.toString());

    assertThat(r.diagnostics().sorted())
        .hasSize(10)
        .allSatisfy(d -> assertThat(d.code()).isEqualTo(Code.FM075));
  }
}
