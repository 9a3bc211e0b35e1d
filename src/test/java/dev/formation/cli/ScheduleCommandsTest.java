package dev.formation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.testing.CliRunner;
import dev.formation.testing.FakeApp;
import dev.formation.testing.FakeHeroku;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** plan --at, drift --at and schedule on the command line, against the strict fake Heroku API. */
class ScheduleCommandsTest {
  static final String CONFIG =
      """
      version: 1
      timezone: Europe/Berlin
      apps:
        shop-production:
          timezone: America/New_York
          processes:
            web:
              size: performance-m
              autoscale: {min: 2, max: 8, p95_ms: 500}
              schedule:
                - name: business-hours
                  days: mon-fri
                  from: "08:00"
                  to: "19:00"
                  autoscale: {min: 4, max: 10}
            worker:
              size: standard-2x
              quantity: 1
              schedule:
                - {name: nightly-batch, days: daily, from: "01:00", to: "04:00", quantity: 6}
      """;

  // 2026-12-07 is a Monday; New York is at -05:00 then
  static final String BUSINESS = "2026-12-07T09:00:00-05:00";
  static final String NIGHT = "2026-12-07T02:00:00-05:00";
  static final String SATURDAY = "2026-12-12T12:00:00-05:00";

  @TempDir Path dir;
  FakeHeroku heroku;
  FakeApp shop;

  @BeforeEach
  void start() throws IOException {
    heroku = FakeHeroku.start();
    shop =
        heroku
            .addApp("shop-production", "cedar")
            .process("web", "performance-m", 3)
            .process("worker", "standard-2x", 1);
    shop.monitor("LATENCY_SCALE", "scale", true, 2, 8, 500, false);
    Files.writeString(dir.resolve("formation.yaml"), CONFIG);
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  CliRunner.Result run(String... args) {
    return CliRunner.in(dir, heroku.env(), Environment.Terminal.NONE).exec(args);
  }

  @Test
  void planAt_insideBusinessHours_updatesTheMonitorBand_andNeverSendsWebAQuantity() {
    CliRunner.Result r = run("plan", "--at", BUSINESS, "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out())
        .contains("Schedules evaluated for 2026-12-07T14:00:00Z.")
        .containsPattern("~ autoscale web +2\\.\\.8, p95 500 ms → 4\\.\\.10, p95 500 ms")
        .contains("(schedule) web     window business-hours until 19:00 America/New_York")
        .contains("(schedule) worker  base until Tue 01:00 America/New_York (then nightly-batch)")
        .contains("Plan: 0 to add, 1 to change, 0 to remove.")
        .doesNotContain("→ 4 ×")
        .doesNotContainPattern("~ web ");
    assertThat(heroku.requests("PATCH", ".*")).isEmpty();
  }

  @Test
  void planAt_inTheNightlyBatch_scalesTheWorker_andLeavesWebsBandAlone() {
    CliRunner.Result r = run("plan", "--at", NIGHT, "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out())
        .containsPattern("~ worker +Standard-2X ×1 → Standard-2X ×6 +\\+\\$250/mo")
        .contains("(schedule) worker  window nightly-batch until 04:00 America/New_York")
        .contains("(schedule) web     base until 08:00 America/New_York (then business-hours)")
        .doesNotContain("autoscale web");
  }

  @Test
  void planAt_onSaturdayAfternoon_hasNoChanges() {
    CliRunner.Result r = run("plan", "--at", SATURDAY, "--detailed-exitcode");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("No changes.").contains("(schedule) web     base");
  }

  @Test
  void planJson_carriesTheMomentAndWhatIsInForcePerType() throws Exception {
    CliRunner.Result r = run("plan", "--at", BUSINESS, "--format", "json");

    JsonNode plan = JsonMapper.builder().build().readTree(r.out());
    assertThat(plan.get("evaluated_at").asString()).isEqualTo("2026-12-07T14:00:00Z");
    JsonNode types = plan.get("apps").get(0).get("schedule").get("types");
    assertThat(types.get(0).get("type").asString()).isEqualTo("web");
    assertThat(types.get(0).get("window").asString()).isEqualTo("business-hours");
    assertThat(types.get(0).get("until").asString()).isEqualTo("2026-12-08T00:00:00Z");
    assertThat(types.get(1).get("window").isNull()).isTrue();
    assertThat(types.get(1).get("next").asString()).isEqualTo("nightly-batch");
  }

  @Test
  void planAt_notAnRfc3339Time_isAUsageErrorWithExit1() {
    CliRunner.Result r = run("plan", "--at", "tomorrow 9am");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("is not an RFC 3339 time").doesNotContain("Exception");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void driftAt_usesTheWindowInForce() {
    CliRunner.Result night = run("drift", "--at", NIGHT);
    CliRunner.Result saturday = run("drift", "--at", SATURDAY);

    assertThat(night.exitCode()).as(night.toString()).isEqualTo(2);
    assertThat(night.out())
        .contains("`worker` runs 1 instead of 6 (window nightly-batch in force)");
    assertThat(saturday.exitCode()).as(saturday.toString()).isZero();
  }

  @Test
  void driftJson_carriesTheMomentItWasEvaluatedFor_andMatchesTheSchema() throws Exception {
    CliRunner.Result r = run("drift", "--at", NIGHT, "--format", "json");

    JsonNode drift = JsonMapper.builder().build().readTree(r.out());
    assertThat(drift.get("evaluated_at").asString()).isEqualTo("2026-12-07T07:00:00Z");
    assertThat(dev.formation.cli.render.PlanSchema.errors(r.out())).isEmpty();
  }

  @Test
  void scheduleJson_matchesTheSchema_andItsCostsAddUp() throws Exception {
    CliRunner.Result r =
        run("schedule", "--from", "2026-12-07T00:00:00-05:00", "--days", "1", "--format", "json");

    JsonNode doc = JsonMapper.builder().build().readTree(r.out());
    assertThat(dev.formation.cli.render.PlanSchema.errors(r.out())).isEmpty();
    JsonNode types = doc.get("apps").get(0).get("types");
    // web: 500 + 500 × 55/168 = 663.69 and 2000 + 500 × 55/168; worker: 50 + 250 × 21/168
    assertThat(types.get(0).get("weighted_usd").get("min").asLong()).isEqualTo(664);
    assertThat(types.get(0).get("weighted_usd").get("max").asLong()).isEqualTo(2164);
    assertThat(types.get(1).get("weighted_usd").get("min").asLong()).isEqualTo(81);
    assertThat(doc.get("weighted_usd").get("min").asLong()).isEqualTo(664 + 81);
  }

  @Test
  void schedule_badDays_orBadFrom_isAUsageErrorWithExit1() {
    CliRunner.Result days = run("schedule", "--days", "0");
    CliRunner.Result from = run("schedule", "--from", "monday");

    assertThat(days.exitCode()).isEqualTo(1);
    assertThat(days.err()).contains("--days must be between 1 and 92, not 0");
    assertThat(from.exitCode()).isEqualTo(1);
    assertThat(from.err()).contains("is not an RFC 3339 time");
  }

  @Test
  void schedule_printsEachChange_withItsMonthlyRate_andTheWeightedEstimate() {
    CliRunner.Result r = run("schedule", "--from", "2026-12-07T00:00:00-05:00", "--days", "2");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Mon 2026-12-07 00:00 -05:00  base            autoscale 2..8   $500–$2,000/mo")
        .contains("Mon 2026-12-07 08:00 -05:00  business-hours  autoscale 4..10  $1,000–$2,500/mo")
        .contains("Mon 2026-12-07 19:00 -05:00  base            autoscale 2..8   $500–$2,000/mo")
        .contains("Mon 2026-12-07 01:00 -05:00  nightly-batch  ×6  $300/mo")
        .contains("Mon 2026-12-07 04:00 -05:00  base           ×1  $50/mo");
    assertThat(heroku.requests()).isEmpty();
  }
}
