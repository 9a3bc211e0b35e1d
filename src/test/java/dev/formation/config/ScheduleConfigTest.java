package dev.formation.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the loader makes of schedules, zones and guardrails (the errors are diagnostic cases). */
class ScheduleConfigTest {
  @TempDir Path dir;

  private AppSpec load(String app, String yaml) throws IOException {
    Files.writeString(dir.resolve("formation.yaml"), yaml);
    LoadResult result =
        new ConfigLoader(Catalog.standard(), dir).load(List.of(Path.of("formation.yaml")));
    assertThat(result.diagnostics().sorted()).isEmpty();
    return result.formationOrNull().app(app).orElseThrow();
  }

  @Test
  void windows_becomeSpecs_withMinutes_days_andTheBaseRulesP95AndNotify() throws IOException {
    AppSpec shop =
        load(
            "shop",
            """
            version: 1
            timezone: Europe/Berlin
            apps:
              shop:
                timezone: America/New_York
                processes:
                  web:
                    size: performance-m
                    autoscale: {min: 2, max: 8, p95_ms: 500, notify: true}
                    schedule:
                      - {name: business-hours, days: mon-fri, from: "08:00", to: "19:00", autoscale: {min: 4, max: 10}}
                      - {name: night, days: Fri-Mon, from: "22:00", to: "06:00", autoscale: {min: 2, max: 3, p95_ms: 900, notify: false}}
                  worker:
                    size: standard-2x
                    quantity: 1
                    schedule:
                      - {name: nightly-batch, days: daily, from: "01:00", to: "24:00", quantity: 6}
            """);

    assertThat(shop.timezone()).isEqualTo(ZoneId.of("America/New_York"));
    WindowSpec business = shop.process("web").orElseThrow().schedule().get(0);
    assertThat(business.days())
        .containsExactlyInAnyOrderElementsOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(business.fromMinute()).isEqualTo(8 * 60);
    assertThat(business.toMinute()).isEqualTo(19 * 60);
    assertThat(business.autoscale()).isEqualTo(new AutoscaleSpec(4, 10, 500, true));
    assertThat(business.quantity()).isNull();
    WindowSpec night = shop.process("web").orElseThrow().schedule().get(1);
    assertThat(night.days())
        .containsExactlyInAnyOrder(
            DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThat(night.crossesMidnight()).isTrue();
    assertThat(night.lengthMinutes()).isEqualTo(8 * 60);
    assertThat(night.autoscale()).isEqualTo(new AutoscaleSpec(2, 3, 900, false));
    WindowSpec batch = shop.process("worker").orElseThrow().schedule().get(0);
    assertThat(batch.toMinute()).isEqualTo(WindowSpec.DAY);
    assertThat(batch.weeklyMinutes()).isEqualTo(7 * 23 * 60);
    assertThat(batch.quantity()).isEqualTo(6);
  }

  @Test
  void topLevelZone_appliesToAppsWithoutTheirOwn_andUtcIsTheDefault() throws IOException {
    String yaml =
        """
        version: 1
        %s
        apps:
          shop:
            processes:
              web: {size: standard-1x, quantity: 1}
        """;
    assertThat(load("shop", yaml.formatted("timezone: Asia/Kolkata")).timezone())
        .isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(load("shop", yaml.formatted("")).timezone().getId()).isEqualTo("UTC");
  }

  @Test
  void appGuardrails_overrideTheTopLevelKeyByKey() throws IOException {
    String yaml =
        """
        version: 1
        guardrails:
          max_monthly_increase: 500
          max_scale_down_percent: 50
          protect: [web]
          require_branch: main
        apps:
          shop:
            guardrails: {max_monthly_increase: 2000, protect: [web, worker]}
            processes:
              web: {size: standard-1x, quantity: 1}
          blog:
            processes:
              web: {size: standard-1x, quantity: 1}
        """;
    assertThat(load("shop", yaml).guardrails())
        .isEqualTo(new GuardrailSpec(2000, 50, List.of("web", "worker"), "main"));
    assertThat(load("blog", yaml).guardrails())
        .isEqualTo(new GuardrailSpec(500, 50, List.of("web"), "main"));
  }

  @Test
  void noGuardrails_isNone() throws IOException {
    AppSpec app =
        load(
            "shop",
            """
            version: 1
            apps:
              shop:
                processes:
                  web: {size: standard-1x, quantity: 1}
            """);
    assertThat(app.guardrails().isEmpty()).isTrue();
    assertThat(app.scheduled()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mon-fri|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
        "fri-mon|FRIDAY,SATURDAY,SUNDAY,MONDAY",
        "sun-sun|SUNDAY",
        "mon,wed|MONDAY,WEDNESDAY",
        "mon-wed,fri|MONDAY,TUESDAY,WEDNESDAY,FRIDAY",
        "daily|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
        "weekends|SATURDAY,SUNDAY",
        "Sat , SUN|SATURDAY,SUNDAY",
      })
  void daySpec_readsEveryForm(String text, String expected) {
    DaySpec.Parsed parsed = DaySpec.parse(text);

    assertThat(parsed.problem()).isNull();
    assertThat(parsed.days())
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(expected.split(",")).map(DayOfWeek::valueOf).toList());
  }
}
