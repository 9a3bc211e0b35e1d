package dev.formation.cli.render;

import dev.formation.plan.ScheduleReport;
import dev.formation.plan.ScheduleReport.AppTimeline;
import dev.formation.plan.ScheduleReport.Step;
import dev.formation.plan.ScheduleReport.TypeTimeline;
import dev.formation.plan.ScheduleReport.WindowShare;
import dev.formation.planfile.PlanJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code formation schedule} as text or JSON ({@code schemas/plan.schema.json}). */
public final class ScheduleRenderer {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ENGLISH);

  private ScheduleRenderer() {}

  public static String text(ScheduleReport report) {
    StringBuilder out = new StringBuilder();
    long days = java.time.Duration.between(report.from(), report.to()).toDays();
    out.append("Timeline for ")
        .append(days)
        .append(days == 1 ? " day" : " days")
        .append(" from ")
        .append(report.from())
        .append(", in each app's zone.\n\n");
    for (AppTimeline app : report.apps()) {
      ZoneId zone = ZoneId.of(app.zone());
      out.append(app.app()).append(" (").append(app.zone()).append(")\n");
      for (TypeTimeline t : app.types()) {
        out.append("  ").append(t.type()).append("  ").append(t.size()).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (Step s : t.steps()) {
          rows.add(
              new String[] {
                WHEN.format(s.at().atZone(zone)),
                s.window() == null ? "base" : s.window(),
                value(s),
                Money.amount(s.monthly()) + "/mo"
              });
        }
        int[] widths = new int[4];
        rows.forEach(
            r -> {
              for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
              }
            });
        for (String[] r : rows) {
          out.append("    ")
              .append(pad(r[0], widths[0]))
              .append("  ")
              .append(pad(r[1], widths[1]))
              .append("  ")
              .append(pad(r[2], widths[2]))
              .append("  ")
              .append(r[3])
              .append('\n');
        }
        out.append("    monthly estimate ").append(Money.amount(t.weighted()));
        if (!t.windows().isEmpty()) {
          List<String> shares = new ArrayList<>();
          for (WindowShare w : t.windows()) {
            shares.add(w.name() + " (" + w.when() + ") " + percent(w) + " of the week");
          }
          out.append(": ").append(String.join(", ", shares)).append(", base the rest");
        }
        out.append('\n');
      }
      out.append("  monthly estimate for ")
          .append(app.app())
          .append(": ")
          .append(Money.amount(app.weighted()))
          .append("\n\n");
    }
    out.append("Monthly estimate with schedules: ")
        .append(Money.amount(report.weighted()))
        .append(
            " (a month of 730 hours; each window weighted by the share of the 168-hour week it is"
                + " in force)\n");
    return out.toString();
  }

  public static String json(ScheduleReport report) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("kind", "formation-schedule");
    root.put("from", report.from().toString());
    root.put("to", report.to().toString());
    root.set("weighted_usd", PlanJson.range(report.weighted()));
    ArrayNode apps = root.putArray("apps");
    for (AppTimeline app : report.apps()) {
      ObjectNode a = apps.addObject();
      a.put("app", app.app());
      a.put("zone", app.zone());
      a.set("weighted_usd", PlanJson.range(app.weighted()));
      ArrayNode types = a.putArray("types");
      for (TypeTimeline t : app.types()) {
        ObjectNode n = types.addObject();
        n.put("type", t.type());
        n.put("size", t.size());
        n.set("weighted_usd", PlanJson.range(t.weighted()));
        ArrayNode windows = n.putArray("windows");
        for (WindowShare w : t.windows()) {
          ObjectNode wn = windows.addObject();
          wn.put("name", w.name());
          wn.put("when", w.when());
          wn.put("weekly_minutes", w.weeklyMinutes());
        }
        ArrayNode steps = n.putArray("steps");
        for (Step s : t.steps()) {
          ObjectNode sn = steps.addObject();
          sn.put("at", s.at().toString());
          sn.put("window", s.window());
          sn.put("quantity", s.quantity());
          if (s.autoscale() == null) {
            sn.putNull("autoscale");
          } else {
            ObjectNode r = sn.putObject("autoscale");
            r.put("min", s.autoscale().min());
            r.put("max", s.autoscale().max());
            r.put("p95_ms", s.autoscale().p95Ms());
            r.put("notify", s.autoscale().notifyApp());
          }
          sn.set("monthly_usd", PlanJson.range(s.monthly()));
        }
      }
    }
    return PlanJson.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(root)
        + "\n";
  }

  private static String value(Step s) {
    return s.autoscale() == null ? "×" + s.quantity() : "autoscale " + s.autoscale().band();
  }

  private static String percent(WindowShare w) {
    return String.format(Locale.ROOT, "%.1f%%", w.percent());
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** For tests: a moment as the timeline shows it in a zone. */
  static String when(Instant t, ZoneId zone) {
    return WHEN.format(t.atZone(zone));
  }
}
