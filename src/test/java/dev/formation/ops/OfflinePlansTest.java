package dev.formation.ops;

import static dev.formation.plan.Fixtures.app;
import static dev.formation.plan.Fixtures.auto;
import static dev.formation.plan.Fixtures.formation;
import static dev.formation.plan.Fixtures.proc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.formation.cli.render.JsonPlanRenderer;
import dev.formation.cli.render.MarkdownPlanRenderer;
import dev.formation.cli.render.PlanSchema;
import dev.formation.cli.render.TextPlanRenderer;
import dev.formation.config.AutoscaleSpec;
import dev.formation.config.Formation;
import dev.formation.plan.Action;
import dev.formation.plan.AppPlan;
import dev.formation.plan.AppliedFormation;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.OfflineBasis;
import dev.formation.plan.ProcessChange;
import dev.formation.planfile.ApplyNoteJson;
import dev.formation.testing.Golden;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An offline plan compares the config with the formation each app's last recorded apply left. */
class OfflinePlansTest {
  private static final Instant APPLIED = Instant.parse("2026-12-01T09:30:00Z");
  private static final String COMMIT = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

  private static final Formation CONFIG =
      formation(
          app(
              "shop",
              false,
              auto("web", "performance-m", null, new AutoscaleSpec(2, 6, 500, true)),
              proc("worker", "standard-2x", 3),
              proc("mailer", "standard-1x", 1)),
          app("blog", false, proc("web", "basic", 1)),
          app("search", false, proc("web", "standard-2x", 2)));

  /** shop: web autoscaled 2..4, worker ×1; blog as configured; search never applied. */
  private static final Map<String, ApplyNoteJson.Recorded> RECORDS =
      Map.of(
          "shop",
          new ApplyNoteJson.Recorded(
              new AppliedFormation(
                  "shop",
                  APPLIED,
                  List.of(
                      new AppliedFormation.Type("web", "Performance-M", 2, 2, 4),
                      new AppliedFormation.Type("worker", "Standard-2X", 1, null, null))),
              COMMIT),
          "blog",
          new ApplyNoteJson.Recorded(
              new AppliedFormation(
                  "blog",
                  APPLIED,
                  List.of(new AppliedFormation.Type("web", "Basic", 1, null, null))),
              null));

  private final OfflinePlans.Offline offline = OfflinePlans.plan(CONFIG, RECORDS, null);

  @Test
  void plan_comparesEachAppWithItsRecord_andPlansTheRestAsNew() {
    AppPlan shop = offline.plan().app("shop").orElseThrow();
    assertThat(shop.changes())
        .anySatisfy(
            c -> {
              assertThat(c).isInstanceOf(ProcessChange.class);
              ProcessChange p = (ProcessChange) c;
              assertThat(p.type()).isEqualTo("worker");
              assertThat(p.fromQuantity()).isEqualTo(1);
              assertThat(p.toQuantity()).isEqualTo(3);
            })
        .anySatisfy(
            c -> {
              assertThat(c.type()).isEqualTo("mailer");
              assertThat(c.action()).isEqualTo(Action.ADD);
            })
        .anySatisfy(
            c -> {
              // only the band is recorded: the latency target and notify are the config's
              assertThat(c).isInstanceOf(MonitorChange.class);
              assertThat(((MonitorChange) c).kind()).isEqualTo(MonitorChange.Kind.UPDATE);
              assertThat(((MonitorChange) c).from().band()).isEqualTo("2..4");
            });
    assertThat(offline.plan().app("blog").orElseThrow().hasChanges()).isFalse();
    AppPlan search = offline.plan().app("search").orElseThrow();
    assertThat(search.changes()).hasSize(1);
    assertThat(search.changes().get(0).action()).isEqualTo(Action.ADD);
    assertThat(search.before().isZero()).isTrue();
    assertThat(search.after().minUsd()).isEqualTo(2 * 50);
    assertThat(offline.plan().apps()).allSatisfy(a -> assertThat(a.fingerprint()).isNull());
  }

  @Test
  void basis_namesTheRecordOfEachApp() {
    OfflineBasis basis = offline.basis();
    assertThat(basis.of("shop")).isEqualTo(new OfflineBasis.AppBasis(COMMIT, APPLIED));
    assertThat(basis.of("blog").applied()).isTrue();
    assertThat(basis.of("search").applied()).isFalse();
    assertThat(basis.of("search").describe()).isEqualTo(OfflineBasis.NEVER_APPLIED);
    assertThat(basis.neverApplied()).isEqualTo(1);
  }

  @Test
  void views_sayOfflineAndMatchTheirGoldens() {
    String text = new TextPlanRenderer(false).render(offline.plan(), offline.basis());
    String markdown = new MarkdownPlanRenderer().render(offline.plan(), offline.basis());
    String json = new JsonPlanRenderer().render(offline.plan(), offline.basis());

    assertThat(text).startsWith("Plan " + OfflineBasis.LABEL).contains("never applied");
    assertThat(markdown).contains(OfflineBasis.LABEL).contains(OfflineBasis.NEVER_APPLIED);
    assertThat(json).contains("\"offline\" : true").contains("\"compared_with\"");
    assertThat(PlanSchema.errors(json)).isEmpty();
    Golden.assertMatches("plan/offline.txt", text);
    Golden.assertMatches("plan/offline.md", markdown);
    Golden.assertMatches("plan/offline.json", json);
  }

  @Test
  void schema_refusesAnOfflineAppWithoutItsRecordFields() {
    String json = new JsonPlanRenderer().render(offline.plan(), offline.basis());
    String broken = json.replaceFirst("\"applied\" : true,", "");

    assertThat(broken).isNotEqualTo(json);
    assertThat(PlanSchema.errors(broken)).isNotEmpty();
  }
}
