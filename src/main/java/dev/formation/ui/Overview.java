package dev.formation.ui;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.config.AppSpec;
import dev.formation.config.Formation;
import dev.formation.config.ProcessSpec;
import dev.formation.config.WindowSpec;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveProcess;
import dev.formation.plan.AppPlan;
import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.CostRange;
import dev.formation.plan.Costs;
import dev.formation.plan.DriftItem;
import dev.formation.plan.DriftReport;
import dev.formation.plan.Plan;
import dev.formation.plan.TypeWindow;
import dev.formation.plan.schedule.Windows;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The overview: every app of the files with its platform, and for each process type what the file
 * declares now (count, size, autoscale band, the window in force), what runs live, its drift and
 * the app's declared and live monthly cost. An app that could not be read carries its diagnostic.
 */
final class Overview {
  private Overview() {}

  static ArrayNode of(Formation formation, Plan plan, DriftReport drift) {
    ArrayNode apps = UiJson.MAPPER.createArrayNode();
    for (AppSpec spec : formation.apps()) {
      AppPlan planned = plan.app(spec.name()).orElseThrow();
      List<DriftItem> items = drift.of(spec.name());
      ObjectNode app =
          apps.addObject()
              .put("name", spec.name())
              .put("platform", spec.platform().word())
              .put("file", spec.at() == null ? null : spec.at().file())
              .put("zone", spec.timezone().getId())
              .put("declared_cost", UiJson.cost(declaredCost(spec, planned, plan)))
              .put("live_cost", planned.unread() ? null : UiJson.cost(planned.before()));
      app.set("errors", UiJson.diagnostics(planned.errors()));
      ArrayNode notes = app.putArray("drift");
      // an app that could not be read shows its diagnostic once, under errors
      items.stream()
          .filter(i -> i.type() == null && i.kind() != DriftItem.Kind.UNREADABLE)
          .forEach(i -> notes.add(drift(i)));
      ArrayNode processes = app.putArray("processes");
      for (ProcessSpec p : spec.processes()) {
        processes.add(process(spec, p, planned, items));
      }
      if (planned.live() != null) {
        for (LiveProcess lp : planned.live().processes()) {
          if (spec.process(lp.type()).isEmpty()) {
            ObjectNode u = processes.addObject().put("type", lp.type()).put("managed", false);
            u.put("live_quantity", lp.quantity()).put("live_size", lp.size());
            state(u, lp.type(), items);
          }
        }
      }
    }
    return apps;
  }

  private static ObjectNode process(
      AppSpec app, ProcessSpec p, AppPlan planned, List<DriftItem> items) {
    String window = window(p, planned);
    WindowSpec w =
        window == null
            ? null
            : p.schedule().stream().filter(s -> s.name().equals(window)).findFirst().orElse(null);
    ProcessSpec now = Windows.effective(p, w);
    ObjectNode n =
        UiJson.object()
            .put("type", p.type())
            .put("managed", true)
            .put("size", now.size().name())
            .put("window", window)
            .put("scheduled", p.scheduled());
    if (now.quantity() != null && !now.autoscaled()) {
      n.put("quantity", now.quantity());
    }
    if (now.autoscaled()) {
      n.put("autoscale", AutoscaleRule.of(app, now.autoscale()).describe());
    }
    // what the controls show and edit: the type's own values in the file
    n.put("file_quantity", p.quantity() != null ? p.quantity() : p.autoscale().min());
    n.put("file_size", p.size().name());
    n.put("autoscaled", p.autoscaled());
    n.put("max", p.size().maxPerType());
    ArrayNode sizes = n.putArray("sizes");
    Catalog.standard().all().stream()
        .filter(s -> s.generation() == p.size().generation())
        .map(Size::name)
        .forEach(sizes::add);
    LiveApp live = planned.live();
    LiveProcess lp = live == null ? null : live.process(p.type()).orElse(null);
    if (lp != null) {
      n.put("live_quantity", lp.quantity()).put("live_size", lp.size());
    }
    if (live != null && p.type().equals("web") && live.monitor() != null) {
      // the platform's web autoscaler, on or off, as the live side of a band
      n.put(
          "live_autoscale",
          (live.monitor().active() ? "" : "off: ") + AutoscaleRule.of(live.monitor()).describe());
    }
    if (planned.unread()) {
      n.put("drift", "unknown");
    } else {
      state(n, p.type(), items);
    }
    return n;
  }

  /**
   * What the file declares now costs a month: the plan's cost once applied, or for an app that
   * could not be read (whose plan counts nothing) its declared types with the windows in force.
   */
  private static CostRange declaredCost(AppSpec spec, AppPlan planned, Plan plan) {
    if (!planned.unread()) {
      return planned.after();
    }
    AppSpec now = plan.at() == null ? spec : Windows.resolve(spec, plan.at());
    return Costs.of(now);
  }

  private static void state(ObjectNode n, String type, List<DriftItem> items) {
    List<DriftItem> mine = items.stream().filter(i -> type.equals(i.type())).toList();
    String state =
        mine.isEmpty()
            ? "in sync"
            : mine.stream().anyMatch(DriftItem::unexpected) ? "unexpected" : "expected";
    n.put("drift", state);
    ArrayNode why = n.putArray("drift_items");
    mine.forEach(i -> why.add(drift(i)));
  }

  private static String drift(DriftItem i) {
    return (i.unexpected() ? "unexpected: " : "expected: ") + i.message();
  }

  private static String window(ProcessSpec p, AppPlan planned) {
    if (planned.schedule() == null) {
      return null;
    }
    return planned.schedule().types().stream()
        .filter(t -> t.type().equals(p.type()))
        .findFirst()
        .map(TypeWindow::window)
        .orElse(null);
  }
}
