package dev.formation.cli.render;

import dev.formation.git.GitHistory.CommitInfo;
import dev.formation.ops.LogOperation;
import dev.formation.plan.FormationDiff;
import dev.formation.plan.FormationDiff.AppDiff;
import dev.formation.plan.FormationDiff.TypeDiff;
import dev.formation.planfile.ApplyNoteJson;
import dev.formation.planfile.PlanJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code formation log}: per app, the commits that changed it, newest first, and their applies. */
public final class LogRenderer {
  private LogRenderer() {}

  /**
   * One commit of the history.
   *
   * @param diff what the commit did to the formation, or {@code null} when either side was invalid
   */
  public static String text(List<LogOperation.Entry> entries, List<String> only) {
    StringBuilder out = new StringBuilder();
    for (String app : apps(entries, only)) {
      out.append(app).append('\n');
      for (LogOperation.Entry e : entries) {
        AppDiff d = diffOf(e, app);
        if (d == null) {
          continue;
        }
        CommitInfo c = e.commit();
        out.append("  ")
            .append(c.shortId())
            .append(' ')
            .append(c.time())
            .append(' ')
            .append(c.author())
            .append(": ")
            .append(c.subject())
            .append('\n');
        for (TypeDiff t : d.types()) {
          if (t.baseChanged()) {
            out.append("      ")
                .append(t.type())
                .append(": ")
                .append(t.before() == null ? "absent" : DiffRenderer.state(t.before()))
                .append(" → ")
                .append(t.after() == null ? "removed" : DiffRenderer.state(t.after()))
                .append('\n');
          }
          for (FormationDiff.WindowDiff w : t.windows()) {
            out.append("      ")
                .append(t.type())
                .append(": ")
                .append(WindowDiffText.change(w))
                .append('\n');
          }
        }
        for (FormationDiff.SettingDiff setting : d.settings()) {
          out.append("      ").append(WindowDiffText.setting(setting).substring(2)).append('\n');
        }
        if (d.pruneChanged()) {
          out.append("      prune: ")
              .append(d.pruneBefore())
              .append(" → ")
              .append(d.pruneAfter())
              .append('\n');
        }
        out.append("      monthly ")
            .append(Money.delta(d.costDelta()))
            .append("; ")
            .append(applied(e, app))
            .append('\n');
      }
      out.append('\n');
    }
    return out.length() == 0 ? "No commit changed the formation.\n" : out.toString();
  }

  public static String json(List<LogOperation.Entry> entries, List<String> only) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("kind", "formation-log");
    ArrayNode apps = root.putArray("apps");
    for (String app : apps(entries, only)) {
      ObjectNode a = apps.addObject();
      a.put("app", app);
      ArrayNode commits = a.putArray("commits");
      for (LogOperation.Entry e : entries) {
        AppDiff d = diffOf(e, app);
        if (d == null) {
          continue;
        }
        ObjectNode c = commits.addObject();
        c.put("commit", e.commit().id());
        c.put("author", e.commit().author());
        c.put("date", e.commit().time().toString());
        c.put("subject", e.commit().subject());
        c.put("change", d.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode types = c.putArray("types");
        d.types()
            .forEach(
                t ->
                    types.add(
                        t.type()
                            + ": "
                            + (t.before() == null ? "absent" : DiffRenderer.state(t.before()))
                            + " → "
                            + (t.after() == null ? "removed" : DiffRenderer.state(t.after()))));
        c.set("cost_delta_usd", PlanJson.range(d.costDelta()));
        ArrayNode applied = c.putArray("applied_at");
        e.applies().stream()
            .filter(r -> r.apps().contains(app))
            .forEach(r -> applied.add(r.at().toString()));
        List<ApplyNoteJson.Applied> allowing =
            e.applies().stream()
                .filter(r -> r.allowed().stream().anyMatch(x -> x.app().equals(app)))
                .toList();
        if (!allowing.isEmpty()) {
          ArrayNode allowed = c.putArray("allowed");
          for (ApplyNoteJson.Applied r : allowing) {
            for (ApplyNoteJson.Allowance x : r.allowed()) {
              if (x.app().equals(app)) {
                ObjectNode n = allowed.addObject();
                n.put("applied_at", r.at().toString());
                n.put("rule", x.rule());
                n.put("type", x.type());
                n.put("detail", x.detail());
                n.put("author", r.author());
              }
            }
          }
        }
      }
    }
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(root)
        + "\n";
  }

  private static String applied(LogOperation.Entry e, String app) {
    List<String> when = new ArrayList<>();
    e.applies().stream()
        .filter(r -> r.apps().contains(app))
        .forEach(r -> when.add(r.at().toString() + allowances(r, app)));
    return when.isEmpty() ? "not applied" : "applied " + String.join(", ", when);
  }

  /** {@code (allowed max_monthly_increase by Ada <ada@example.com>)}, or empty. */
  private static String allowances(ApplyNoteJson.Applied r, String app) {
    List<String> rules =
        r.allowed().stream()
            .filter(a -> a.app().equals(app))
            .map(ApplyNoteJson.Allowance::rule)
            .distinct()
            .toList();
    if (rules.isEmpty()) {
      return "";
    }
    return " (allowed "
        + String.join(", ", rules)
        + (r.author() == null ? "" : " by " + r.author())
        + ")";
  }

  private static AppDiff diffOf(LogOperation.Entry e, String app) {
    if (e.diff() == null) {
      return null;
    }
    return e.diff().apps().stream().filter(a -> a.app().equals(app)).findFirst().orElse(null);
  }

  /** Apps in order of first appearance (newest first), or only those asked for. */
  private static Set<String> apps(List<LogOperation.Entry> entries, List<String> only) {
    Set<String> names = new LinkedHashSet<>(only);
    if (only.isEmpty()) {
      entries.stream()
          .filter(e -> e.diff() != null)
          .forEach(e -> e.diff().apps().forEach(a -> names.add(a.app())));
    }
    return names;
  }
}
