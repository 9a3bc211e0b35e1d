package dev.formation.ui;

import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.plan.ScheduleReport;
import dev.formation.plan.ScheduleReport.AppTimeline;
import dev.formation.plan.ScheduleReport.Step;
import dev.formation.plan.ScheduleReport.TypeTimeline;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The week of each app with schedule windows, from Monday 00:00 to Sunday 24:00 in the app's zone:
 * the dyno count of each type at every change, and the week's cost, from the timeline {@code
 * formation schedule} shows ({@link ScheduleReport}). An autoscaled step counts its band's lower
 * bound in the type's series and its upper bound in a series of its own.
 */
final class Week {
  private Week() {}

  static ArrayNode of(Formation formation, Instant now) {
    ArrayNode weeks = UiJson.MAPPER.createArrayNode();
    for (AppSpec app : formation.apps()) {
      if (app.scheduled()) {
        weeks.add(of(app, now));
      }
    }
    return weeks;
  }

  static ObjectNode of(AppSpec app, Instant now) {
    ZoneId zone = app.timezone();
    Instant monday =
        now.atZone(zone)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(zone)
            .toInstant();
    AppTimeline timeline = ScheduleReport.of(new Formation(List.of(app)), monday, 7).apps().get(0);
    Instant end = monday.atZone(zone).plusDays(7).toInstant();
    TreeSet<Long> times = new TreeSet<>();
    times.add(monday.getEpochSecond());
    times.add(end.getEpochSecond());
    timeline.types().forEach(t -> t.steps().forEach(s -> times.add(s.at().getEpochSecond())));
    ObjectNode week =
        UiJson.object()
            .put("app", app.name())
            .put("zone", zone.getId())
            .put("from", monday.getEpochSecond())
            .put("to", end.getEpochSecond())
            .put("cost", UiJson.cost(timeline.weighted()));
    ArrayNode x = week.putArray("x");
    times.forEach(x::add);
    ArrayNode series = week.putArray("series");
    ArrayNode types = week.putArray("types");
    for (TypeTimeline t : timeline.types()) {
      ObjectNode low = series.addObject().put("label", t.type());
      ArrayNode lows = low.putArray("values");
      boolean banded = t.steps().stream().anyMatch(s -> s.autoscale() != null);
      ArrayNode highs =
          banded
              ? series.addObject().put("label", t.type() + " (band max)").putArray("values")
              : null;
      for (long at : times) {
        Step s = stepAt(t, at);
        lows.add(s.quantity() != null ? s.quantity() : s.autoscale().min());
        if (highs != null) {
          highs.add(s.quantity() != null ? s.quantity() : s.autoscale().max());
        }
      }
      ObjectNode type =
          types
              .addObject()
              .put("type", t.type())
              .put("size", t.size())
              .put("cost", UiJson.cost(t.weighted()));
      ArrayNode windows = type.putArray("windows");
      t.windows()
          .forEach(
              w ->
                  windows
                      .addObject()
                      .put("name", w.name())
                      .put("when", w.when())
                      .put("percent", Math.round(w.percent() * 10) / 10.0));
    }
    return week;
  }

  /** The step in force at {@code epochSecond}: the last one that started at or before it. */
  private static Step stepAt(TypeTimeline t, long epochSecond) {
    Step found = t.steps().get(0);
    for (Step s : t.steps()) {
      if (s.at().getEpochSecond() <= epochSecond) {
        found = s;
      }
    }
    return found;
  }
}
