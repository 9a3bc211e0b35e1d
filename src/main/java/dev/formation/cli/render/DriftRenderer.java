package dev.formation.cli.render;

import dev.formation.plan.DriftItem;
import dev.formation.plan.DriftReport;
import dev.formation.planfile.PlanJson;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code formation drift} as text, JSON ({@code schemas/plan.schema.json}) or markdown. */
public final class DriftRenderer {
  private DriftRenderer() {}

  public static String text(DriftReport report) {
    StringBuilder out = new StringBuilder();
    for (String app : report.apps()) {
      List<DriftItem> items = report.of(app);
      if (items.isEmpty()) {
        continue;
      }
      out.append(Printable.escape(app)).append('\n');
      for (DriftItem i : items) {
        out.append("  ")
            .append(i.unexpected() ? "! unexpected: " : "~ expected:   ")
            .append(Printable.escape(i.message()))
            .append(" (")
            .append(Ago.changed(i.changedAt(), report.checkedAt()))
            .append(")\n");
      }
      out.append('\n');
    }
    out.append(summary(report)).append('\n');
    if (report.evaluatedAt() != null) {
      out.append("Schedules evaluated for ").append(report.evaluatedAt()).append(".\n");
    }
    return out.toString();
  }

  public static String markdown(DriftReport report) {
    StringBuilder out =
        new StringBuilder("### formation drift: ").append(summary(report)).append("\n\n");
    if (!report.items().isEmpty()) {
      out.append("| app | type | drift | config | live | changed |\n");
      out.append("|---|---|---|---|---|---|\n");
      for (DriftItem i : report.items()) {
        out.append("| ")
            .append(cell(i.app()))
            .append(" | ")
            .append(cell(i.type() == null ? "—" : i.type()))
            .append(" | ")
            .append(i.unexpected() ? "**unexpected**: " : "expected: ")
            .append(cell(i.message()))
            .append(" | ")
            .append(cell(i.expected()))
            .append(" | ")
            .append(cell(i.actual()))
            .append(" | ")
            .append(Ago.changed(i.changedAt(), report.checkedAt()).replace("changed ", ""))
            .append(" |\n");
      }
      out.append('\n');
    }
    out.append("Checked ")
        .append(report.apps().size())
        .append(report.apps().size() == 1 ? " app" : " apps")
        .append(" at ")
        .append(report.checkedAt())
        .append(
            report.evaluatedAt() == null ? "" : ", schedules evaluated for " + report.evaluatedAt())
        .append(".\n");
    return out.toString();
  }

  public static String json(DriftReport report) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("kind", "formation-drift");
    root.put("checked_at", report.checkedAt().toString());
    if (report.evaluatedAt() != null) {
      root.put("evaluated_at", report.evaluatedAt().toString());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("unexpected", report.unexpectedCount());
    summary.put("expected", report.expectedCount());
    report.apps().forEach(root.putArray("apps")::add);
    ArrayNode items = root.putArray("items");
    for (DriftItem i : report.items()) {
      ObjectNode n = items.addObject();
      n.put("app", i.app());
      n.put("type", i.type());
      n.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
      n.put("severity", i.severity().name().toLowerCase(Locale.ROOT));
      n.put("message", i.message());
      n.put("expected", i.expected());
      n.put("actual", i.actual());
      n.put("changed_at", i.changedAt() == null ? null : i.changedAt().toString());
    }
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(root)
        + "\n";
  }

  private static String summary(DriftReport report) {
    if (report.items().isEmpty()) {
      return "no drift — the live platform matches the configuration";
    }
    return report.unexpectedCount() + " unexpected, " + report.expectedCount() + " expected";
  }

  private static String cell(String text) {
    return Printable.escape(text).replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
  }
}
