package dev.formation.cli.render;

import dev.formation.plan.AppPlan;
import dev.formation.plan.Change;
import dev.formation.plan.CostRange;
import dev.formation.plan.GuardrailBreach;
import dev.formation.plan.OfflineBasis;
import dev.formation.plan.Plan;
import dev.formation.plan.TypeWindow;
import dev.formation.plan.UnmanagedProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code plan --format markdown}, for a pull-request comment: a headline with the cost change, a
 * table per changed app, long detail folded in {@code <details>}, and every app without changes
 * folded into one list so a 200-app plan stays short.
 */
public final class MarkdownPlanRenderer {
  private final ChangeText words;

  public MarkdownPlanRenderer() {
    this(null);
  }

  /**
   * @param base the folder formation runs in: local folders under it are shown as {@code ./app}
   */
  public MarkdownPlanRenderer(Path base) {
    this.words = new ChangeText(base);
  }

  public String render(Plan plan) {
    return render(plan, null);
  }

  /**
   * The plan; an offline one ({@code plan --offline}) says so under the headline, and under each
   * app what it was compared with.
   *
   * @param offline what each app was planned against; {@code null} for a plan of the live platform
   */
  public String render(Plan plan, OfflineBasis offline) {
    StringBuilder out = new StringBuilder();
    out.append(headline(plan, offline == null ? "formation plan" : "formation plan (offline)"))
        .append("\n\n");
    if (offline != null) {
      out.append("> **")
          .append(OfflineBasis.LABEL)
          .append(".** No platform was read: each app is compared with what its last apply")
          .append(" recorded in git notes.\n\n");
    }
    String incomplete = Incomplete.sentence(plan);
    if (incomplete != null) {
      out.append("**").append(capitalised(incomplete)).append(".**\n\n");
    }
    if (!plan.targets().isEmpty()) {
      out.append("> **Targeted:** `")
          .append(cell(Targets.words(plan)))
          .append("`; the rest of the config is not planned.\n\n");
    }
    out.append("Monthly cost: ").append(costs(plan.before(), plan.after())).append("\n\n");
    if (plan.scheduled()) {
      out.append("Monthly estimate with schedules: ")
          .append(Money.amount(plan.weighted()))
          .append(" (each window weighted by the hours it is in force)");
      if (plan.at() != null) {
        out.append(" · schedules evaluated for `").append(plan.at()).append('`');
      }
      out.append("\n\n");
    }
    List<AppPlan> quiet = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    for (AppPlan app : plan.apps()) {
      notes.addAll(app.notes());
      if (app.hasChanges() || app.hasErrors() || !plan.notTargeted(app).isEmpty()) {
        renderApp(app, plan.at(), plan.notTargeted(app), offline, out);
      } else {
        quiet.add(app);
      }
    }
    if (!quiet.isEmpty()) {
      renderQuiet(quiet, plan.at(), offline, out);
    }
    if (!plan.hasChanges() && !plan.hasErrors()) {
      out.append(
          offline == null
              ? "No changes. The live formation matches the configuration.\n\n"
              : "No changes. The last recorded apply matches the configuration.\n\n");
    }
    notes.forEach(n -> out.append("_Note: ").append(escape(n)).append("_\n"));
    return out.toString().stripTrailing() + "\n";
  }

  private static String headline(Plan plan, String title) {
    String counts =
        plan.hasChanges()
            ? plan.toAdd()
                + " to add, "
                + plan.toChange()
                + " to change, "
                + plan.toRemove()
                + " to remove"
            : "no changes";
    long failed = plan.apps().stream().filter(AppPlan::hasErrors).count();
    if (failed > 0) {
      counts += ", " + failed + (failed == 1 ? " app" : " apps") + " with errors";
    }
    long breaches =
        plan.apps().stream().flatMap(a -> a.breaches().stream()).filter(b -> !b.allowed()).count();
    if (breaches > 0) {
      counts += ", " + breaches + (breaches == 1 ? " guardrail breach" : " guardrail breaches");
    }
    if (plan.costDelta().isZero()) {
      return "### "
          + title
          + ": "
          + counts
          + " — monthly estimate unchanged at "
          + Money.amount(plan.after());
    }
    String pct = Money.percentOfRange(plan.before(), plan.costDelta());
    return "### "
        + title
        + ": "
        + counts
        + " — monthly estimate "
        + Money.delta(plan.costDelta())
        + (pct.isEmpty() ? "" : " (" + pct + ")");
  }

  private void renderApp(
      AppPlan app, Instant at, List<String> notTargeted, OfflineBasis offline, StringBuilder out) {
    out.append("#### ").append(app.app()).append(" (").append(app.platform().word()).append(")");
    if (app.hasChanges()) {
      String pct = Money.percent(app.before(), app.costDelta());
      out.append(" · ").append(Money.delta(app.costDelta())).append("/mo");
      out.append(pct.isEmpty() ? "" : " (" + pct + ")");
    }
    out.append("\n\n");
    if (offline != null) {
      out.append("_offline: ").append(offline.of(app.app()).describe()).append("_\n\n");
    }
    app.errors().forEach(e -> out.append(MarkdownDiagnostics.block(e)));
    for (GuardrailBreach b : app.breaches()) {
      out.append("> **guardrail `")
          .append(b.rule().key())
          .append(b.allowed() ? "` (allowed by --allow):** " : "`:** ")
          .append(escape(b.detail()))
          .append('\n');
    }
    if (app.hasErrors() || !app.breaches().isEmpty()) {
      out.append('\n');
    }
    if (app.hasChanges()) {
      out.append("| action | type | before | after | monthly Δ |\n");
      out.append("|---|---|---|---|--:|\n");
      for (Change c : app.changes()) {
        out.append("| ")
            .append(c.action().word())
            .append(" | ")
            .append(cell(words.label(c)))
            .append(" | ")
            .append(cell(words.before(c)))
            .append(" | ")
            .append(cell(words.after(c)))
            .append(" | ")
            .append(Money.delta(c.costDelta()))
            .append(" |\n");
      }
      out.append('\n');
    }
    if (!notTargeted.isEmpty()) {
      out.append("Not targeted, left as they are: `")
          .append(cell(String.join("`, `", notTargeted)))
          .append("`\n\n");
    }
    if (app.schedule() != null) {
      for (TypeWindow t : app.schedule().types()) {
        out.append("- `")
            .append(cell(t.type()))
            .append("`: ")
            .append(escape(WindowText.inForce(t, at)))
            .append('\n');
      }
      out.append('\n');
    }
    renderDetails(app, offline != null, out);
  }

  private static void renderDetails(AppPlan app, boolean offline, StringBuilder out) {
    out.append("<details><summary>Details for ").append(app.app()).append("</summary>\n\n");
    out.append("- monthly cost: ").append(costs(app.before(), app.after())).append('\n');
    if (app.schedule() != null) {
      out.append("- monthly estimate with schedules: ")
          .append(Money.amount(app.schedule().weighted()))
          .append('\n');
    }
    for (UnmanagedProcess u : app.unmanaged()) {
      out.append("- unmanaged `")
          .append(escape(u.type()))
          .append("`: ")
          .append(escape(u.quantity() == 0 ? "0" : u.size() + " ×" + u.quantity()))
          .append(u.priceKnown() ? " (" + Money.amount(u.cost()) + "/mo)" : " (price unknown)")
          .append(", left alone\n");
    }
    out.append("- live fingerprint: ")
        .append(
            offline
                ? "none (offline plan)"
                : app.fingerprint() == null ? "none (not read)" : "`" + app.fingerprint() + "`")
        .append("\n\n</details>\n\n");
  }

  private static void renderQuiet(
      List<AppPlan> quiet, Instant at, OfflineBasis offline, StringBuilder out) {
    out.append("<details><summary>")
        .append(quiet.size())
        .append(quiet.size() == 1 ? " app" : " apps")
        .append(" without changes</summary>\n\n");
    for (AppPlan app : quiet) {
      out.append("- ")
          .append(app.app())
          .append(": ")
          .append(Money.amount(app.before()))
          .append("/mo");
      if (!app.unmanaged().isEmpty()) {
        out.append(", ").append(app.unmanaged().size()).append(" unmanaged");
      }
      out.append(app.fingerprint() == null ? "" : ", fingerprint `" + app.fingerprint() + "`");
      if (offline != null) {
        out.append(", offline: ").append(offline.of(app.app()).describe());
      }
      if (app.schedule() != null) {
        for (TypeWindow t : app.schedule().types()) {
          out.append("; `")
              .append(cell(t.type()))
              .append("`: ")
              .append(escape(WindowText.inForce(t, at)));
        }
      }
      out.append('\n');
    }
    out.append("\n</details>\n\n");
  }

  private static String costs(CostRange before, CostRange after) {
    if (before.equals(after)) {
      return Money.amount(before) + " (unchanged)";
    }
    return Money.amount(before)
        + " → "
        + Money.amount(after)
        + " ("
        + Money.delta(after.minus(before))
        + ")";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String cell(String text) {
    return escape(text).replace("|", "\\|");
  }

  /**
   * Keeps platform-supplied text from opening HTML tags inside the comment, and shows control
   * characters escaped.
   */
  private static String escape(String text) {
    return MarkdownDiagnostics.escape(text);
  }
}
