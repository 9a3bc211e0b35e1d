package dev.formation.cli.render;

import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.CostRange;
import dev.formation.plan.FormationDiff;
import dev.formation.plan.FormationDiff.AppDiff;
import dev.formation.plan.FormationDiff.SettingDiff;
import dev.formation.plan.FormationDiff.TypeDiff;
import dev.formation.plan.FormationDiff.WindowDiff;
import dev.formation.plan.ProcessState;
import dev.formation.planfile.PlanJson;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code formation diff} as text, JSON ({@code schemas/plan.schema.json}) or a pull-request comment
 * in markdown. Renders only: the diff is computed by {@link FormationDiff}.
 */
public final class DiffRenderer {
  private DiffRenderer() {}

  /** What a version of a type declares: {@code Performance-M autoscale 2..8, p95 500 ms}. */
  public static String state(ProcessState s) {
    if (s == null) {
      return "absent";
    }
    if (s.autoscale() == null) {
      return s.size() + " ×" + s.quantity();
    }
    AutoscaleRule r = s.autoscale();
    return s.size()
        + " autoscale "
        + r.describe()
        + (s.quantity() == null ? "" : ", start " + s.quantity());
  }

  public static String text(FormationDiff diff, String from, String to) {
    StringBuilder out =
        new StringBuilder("formation diff ").append(from).append(" → ").append(to).append("\n\n");
    if (diff.isEmpty()) {
      return out.append("No changes to the formation.\n").toString();
    }
    for (AppDiff app : diff.apps()) {
      out.append(mark(app.kind()))
          .append(' ')
          .append(app.app())
          .append(" (")
          .append(app.kind().name().toLowerCase(Locale.ROOT))
          .append(") ")
          .append(Money.delta(app.costDelta()))
          .append("/mo\n");
      if (app.pruneChanged()) {
        out.append("    ~ prune: ")
            .append(app.pruneBefore())
            .append(" → ")
            .append(app.pruneAfter())
            .append('\n');
      }
      for (SettingDiff setting : app.settings()) {
        out.append("    ").append(WindowDiffText.setting(setting)).append('\n');
      }
      for (TypeDiff t : app.types()) {
        out.append("    ")
            .append(mark(t.kind()))
            .append(' ')
            .append(t.type())
            .append(": ")
            .append(
                t.kind() == FormationDiff.Kind.CHANGED && !t.baseChanged() ? "windows" : change(t))
            .append("  ")
            .append(Money.delta(t.costDelta()))
            .append("/mo\n");
        for (WindowDiff w : t.windows()) {
          out.append("        ")
              .append(WindowDiffText.change(w))
              .append("  ")
              .append(Money.delta(w.costDelta()))
              .append("/mo\n");
        }
      }
      out.append('\n');
    }
    return out.append("Monthly estimate: ").append(costs(diff)).append('\n').toString();
  }

  public static String markdown(FormationDiff diff, String from, String to) {
    String pct = Money.percentOfRange(diff.before(), diff.costDelta());
    StringBuilder out =
        new StringBuilder("### formation diff: monthly estimate ")
            .append(diff.costDelta().isZero() ? "unchanged" : Money.delta(diff.costDelta()))
            .append(pct.isEmpty() ? "" : " (" + pct + ")")
            .append("\n\n`")
            .append(from)
            .append("` → `")
            .append(to)
            .append("`: ")
            .append(costs(diff))
            .append("\n\n");
    if (diff.isEmpty()) {
      return out.append("No changes to the formation.\n").toString();
    }
    out.append("| app | type | change | before | after | monthly Δ |\n");
    out.append("|---|---|---|---|---|--:|\n");
    for (AppDiff app : diff.apps()) {
      if (app.pruneChanged() || (app.types().isEmpty() && app.settings().isEmpty())) {
        out.append("| ")
            .append(app.app())
            .append(" | — | ")
            .append(app.kind().name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(app.pruneBefore() == null ? "—" : "prune: " + app.pruneBefore())
            .append(" | ")
            .append(app.pruneAfter() == null ? "—" : "prune: " + app.pruneAfter())
            .append(" | ")
            // the type rows below carry the cost; repeating the app's total here reads as the
            // cost of the prune change
            .append(app.types().isEmpty() ? Money.delta(app.costDelta()) : "—")
            .append(" |\n");
      }
      for (SettingDiff setting : app.settings()) {
        out.append("| ")
            .append(app.app())
            .append(" | — | ")
            .append(cell(setting.key()))
            .append(" | ")
            .append(setting.before() == null ? "—" : cell(setting.before()))
            .append(" | ")
            .append(setting.after() == null ? "—" : cell(setting.after()))
            .append(" | — |\n");
      }
      for (TypeDiff t : app.types()) {
        if (t.baseChanged()) {
          out.append("| ")
              .append(app.app())
              .append(" | ")
              .append(cell(t.type()))
              .append(" | ")
              .append(t.kind().name().toLowerCase(Locale.ROOT))
              .append(" | ")
              .append(t.before() == null ? "—" : state(t.before()))
              .append(" | ")
              .append(t.after() == null ? "—" : state(t.after()))
              .append(" | ")
              .append(
                  Money.delta(t.windows().isEmpty() ? t.costDelta() : WindowDiffText.baseDelta(t)))
              .append(" |\n");
        }
        for (WindowDiff w : t.windows()) {
          out.append("| ")
              .append(app.app())
              .append(" | ")
              .append(cell(t.type()))
              .append(" · window ")
              .append(cell(w.name()))
              .append(" | ")
              .append(w.kind().name().toLowerCase(Locale.ROOT))
              .append(" | ")
              .append(w.before() == null ? "—" : WindowDiffText.state(w.before()))
              .append(" | ")
              .append(w.after() == null ? "—" : WindowDiffText.stateAndShare(w.after()))
              .append(" | ")
              .append(Money.delta(w.costDelta()))
              .append(" |\n");
        }
      }
    }
    return out.toString();
  }

  public static String json(FormationDiff diff, String from, String to) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("kind", "formation-diff");
    root.put("from", from);
    root.put("to", to);
    root.put("has_changes", !diff.isEmpty());
    cost(root.putObject("cost"), diff.before(), diff.after());
    var apps = root.putArray("apps");
    for (AppDiff app : diff.apps()) {
      ObjectNode a = apps.addObject();
      a.put("app", app.app());
      a.put("change", app.kind().name().toLowerCase(Locale.ROOT));
      a.put("prune_before", app.pruneBefore());
      a.put("prune_after", app.pruneAfter());
      cost(a.putObject("cost"), app.before(), app.after());
      var types = a.putArray("types");
      for (TypeDiff t : app.types()) {
        ObjectNode n = types.addObject();
        n.put("type", t.type());
        n.put("change", t.kind().name().toLowerCase(Locale.ROOT));
        n.set("before", process(t.before()));
        n.set("after", process(t.after()));
        cost(n.putObject("cost"), t.costBefore(), t.costAfter());
        if (!t.windows().isEmpty()) {
          var windows = n.putArray("windows");
          for (WindowDiff w : t.windows()) {
            ObjectNode wn = windows.addObject();
            wn.put("name", w.name());
            wn.put("change", w.kind().name().toLowerCase(Locale.ROOT));
            wn.set("before", WindowDiffText.json(w.before()));
            wn.set("after", WindowDiffText.json(w.after()));
            wn.set("cost_delta_usd", PlanJson.range(w.costDelta()));
          }
        }
      }
      if (!app.settings().isEmpty()) {
        var settings = a.putArray("settings");
        for (SettingDiff setting : app.settings()) {
          ObjectNode sn = settings.addObject();
          sn.put("key", setting.key());
          sn.put("before", setting.before());
          sn.put("after", setting.after());
        }
      }
    }
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(root)
        + "\n";
  }

  private static tools.jackson.databind.JsonNode process(ProcessState s) {
    if (s == null) {
      return PlanJson.MAPPER.nullNode();
    }
    ObjectNode n = PlanJson.MAPPER.createObjectNode();
    n.put("size", s.size());
    n.put("quantity", s.quantity());
    AutoscaleRule r = s.autoscale();
    if (r == null) {
      n.putNull("autoscale");
    } else {
      ObjectNode a = n.putObject("autoscale");
      a.put("min", r.min());
      a.put("max", r.max());
      a.put("p95_ms", r.p95Ms());
      a.put("notify", r.notifyApp());
      if (r.queueDriven()) {
        a.put("queue", r.queue());
      }
    }
    return n;
  }

  private static void cost(ObjectNode node, CostRange before, CostRange after) {
    node.set("before_usd", PlanJson.range(before));
    node.set("after_usd", PlanJson.range(after));
    node.set("delta_usd", PlanJson.range(after.minus(before)));
  }

  private static String change(TypeDiff t) {
    return switch (t.kind()) {
      case ADDED -> state(t.after());
      case REMOVED -> state(t.before()) + " → removed";
      case CHANGED -> state(t.before()) + " → " + state(t.after());
    };
  }

  static String mark(FormationDiff.Kind kind) {
    return switch (kind) {
      case ADDED -> "+";
      case REMOVED -> "-";
      case CHANGED -> "~";
    };
  }

  static String costs(FormationDiff diff) {
    String pct = Money.percentOfRange(diff.before(), diff.costDelta());
    return Money.amount(diff.before())
        + " → "
        + Money.amount(diff.after())
        + " ("
        + Money.delta(diff.costDelta())
        + (pct.isEmpty() ? "" : ", " + pct)
        + ")";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
