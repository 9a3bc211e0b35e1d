package dev.formation.planfile;

import dev.formation.catalog.Resources;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.live.Sealed;
import dev.formation.live.SetupStep;
import dev.formation.plan.Action;
import dev.formation.plan.AppPlan;
import dev.formation.plan.AppSchedule;
import dev.formation.plan.AutoscaleRule;
import dev.formation.plan.Change;
import dev.formation.plan.CostRange;
import dev.formation.plan.GuardrailBreach;
import dev.formation.plan.MonitorChange;
import dev.formation.plan.Plan;
import dev.formation.plan.ProcessChange;
import dev.formation.plan.Requests;
import dev.formation.plan.SetupChange;
import dev.formation.plan.TypeWindow;
import dev.formation.plan.UnmanagedProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plan as a JSON tree, in the shape {@code schemas/plan.schema.json} describes. Keys are
 * written in a fixed order so the output is stable for diffs and golden files.
 */
public final class PlanJson {
  public static final int FORMAT_VERSION = 1;
  public static final JsonMapper MAPPER = JsonMapper.shared();

  private PlanJson() {}

  /**
   * @param withLive also write each app's live state (for saved plan files, which need it to show
   *     what moved)
   */
  public static ObjectNode write(Plan plan, boolean withLive) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    ObjectNode summary =
        counts(root.putObject("summary"), plan.toAdd(), plan.toChange(), plan.toRemove());
    summary.put("has_changes", plan.hasChanges());
    summary.put("has_errors", plan.hasErrors());
    summary.put("incomplete", plan.incomplete());
    summary.put("unread_apps", plan.unreadApps());
    costs(root.putObject("cost"), plan.before(), plan.after());
    if (plan.scheduled()) {
      root.put("evaluated_at", plan.at() == null ? null : plan.at().toString());
      root.set("weighted_usd", range(plan.weighted()));
    }
    if (plan.hasBreaches()) {
      root.put("breaks_guardrails", plan.breaksGuardrails());
    }
    if (!plan.targets().isEmpty()) {
      ArrayNode targets = root.putArray("targets");
      plan.targets().forEach(t -> targets.add(t.word()));
    }
    ArrayNode apps = root.putArray("apps");
    for (AppPlan app : plan.apps()) {
      ObjectNode a = app(app, withLive);
      List<String> notTargeted = plan.notTargeted(app);
      if (!notTargeted.isEmpty()) {
        ArrayNode types = a.putArray("not_targeted");
        notTargeted.forEach(types::add);
      }
      apps.add(a);
    }
    return root;
  }

  private static void schedule(ObjectNode node, AppSchedule schedule) {
    ObjectNode n = node.putObject("schedule");
    ArrayNode types = n.putArray("types");
    for (TypeWindow t : schedule.types()) {
      ObjectNode w = types.addObject();
      w.put("type", t.type());
      w.put("window", t.window());
      w.put("since", t.since() == null ? null : t.since().toString());
      w.put("until", t.until() == null ? null : t.until().toString());
      w.put("next", t.next());
      w.put("zone", t.zone());
    }
    n.set("weighted_usd", range(schedule.weighted()));
  }

  /** The breaches of one app, as data: rule, type, what breaks it, whether it is allowed. */
  public static ArrayNode breaches(List<GuardrailBreach> breaches) {
    ArrayNode list = MAPPER.createArrayNode();
    for (GuardrailBreach b : breaches) {
      ObjectNode n = list.addObject();
      n.put("rule", b.rule().key());
      n.put("type", b.type());
      n.put("detail", b.detail());
      n.put("allowed", b.allowed());
    }
    return list;
  }

  private static ObjectNode app(AppPlan app, boolean withLive) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("app", app.app());
    node.put("platform", app.platform().word());
    node.put("fingerprint", app.fingerprint());
    counts(
        node.putObject("summary"),
        app.count(Action.ADD),
        app.count(Action.CHANGE),
        app.count(Action.REMOVE));
    costs(node.putObject("cost"), app.before(), app.after());
    ArrayNode changes = node.putArray("changes");
    app.changes().forEach(c -> changes.add(change(c, withLive)));
    ArrayNode unmanaged = node.putArray("unmanaged");
    for (UnmanagedProcess u : app.unmanaged()) {
      ObjectNode n = unmanaged.addObject();
      n.put("type", u.type());
      n.put("size", u.size());
      n.put("quantity", u.quantity());
      n.set("cost_usd", range(u.cost()));
      n.put("price_known", u.priceKnown());
    }
    // the messages, as before codes; the same errors with their codes in `diagnostics`
    ArrayNode errors = node.putArray("errors");
    app.errors().forEach(e -> errors.add(e.message()));
    if (app.hasErrors()) {
      node.set("diagnostics", DiagnosticJson.array(app.errors()));
    }
    app.notes().forEach(node.putArray("notes")::add);
    if (app.placement() != null) {
      node.set(app.platform().placementKey(), tree(app.placement().json(withLive)));
    }
    if (app.costedInRequests()) {
      ObjectNode requests = node.putObject("requests");
      requests.set("before", requests(app.requestsBefore()));
      requests.set("after", requests(app.requestsAfter()));
    }
    if (app.schedule() != null) {
      schedule(node, app.schedule());
    }
    if (!app.breaches().isEmpty()) {
      node.set("guardrails", breaches(app.breaches()));
    }
    if (withLive) {
      node.set("live", app.live() == null ? MAPPER.nullNode() : live(app.live(), app.platform()));
    }
    return node;
  }

  /**
   * One change as JSON.
   *
   * @param sealed keep no command text (saved plans and git notes, which are shared): a local
   *     change names commands by their digests
   */
  public static ObjectNode change(Change change, boolean sealed) {
    ObjectNode node = MAPPER.createObjectNode();
    if (change instanceof SetupChange s) {
      SetupStep step = s.step();
      boolean seal = sealed && step.secret();
      node.put("kind", s.platform());
      node.put("action", s.action().word());
      node.put("operation", step.operation());
      node.put("type", step.type());
      node.put("from", seal ? Sealed.of(step.from()) : step.from());
      node.put("to", seal ? Sealed.of(step.to()) : step.to());
      node.put("port", step.port());
    } else if (change instanceof ProcessChange p) {
      node.put("kind", "process");
      node.put("action", p.action().word());
      node.put("type", p.type());
      node.set("from", sized(p.fromSize(), p.fromQuantity()));
      node.set("to", sized(p.toSize(), p.toQuantity()));
      node.set("autoscale", rule(p.autoscale()));
      if (p.fromResources() != null) {
        node.set("from_resources", resources(p.fromResources()));
      }
      if (p.toResources() != null) {
        node.set("to_resources", resources(p.toResources()));
      }
    } else {
      MonitorChange m = (MonitorChange) change;
      node.put("kind", "monitor");
      node.put("action", m.action().word());
      node.put("operation", m.kind().name().toLowerCase(Locale.ROOT));
      node.put("type", m.type());
      node.put("monitor_id", m.monitorId());
      node.set("from", rule(m.from()));
      node.set("to", rule(m.to()));
    }
    node.set("cost_delta_usd", range(change.costDelta()));
    return node;
  }

  /**
   * A platform's placement as JSON: the plain data it gave (strings, numbers, booleans, nulls and
   * nested maps), in its order.
   */
  private static ObjectNode tree(Map<String, Object> data) {
    ObjectNode node = MAPPER.createObjectNode();
    data.forEach(
        (key, value) -> {
          if (value == null) {
            node.putNull(key);
          } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> inner = new LinkedHashMap<>();
            m.forEach((k, v) -> inner.put((String) k, v));
            node.set(key, tree(inner));
          } else if (value instanceof String t) {
            node.put(key, t);
          } else if (value instanceof Integer i) {
            node.put(key, i);
          } else if (value instanceof Long l) {
            node.put(key, l);
          } else if (value instanceof Boolean b) {
            node.put(key, b);
          } else {
            throw new IllegalArgumentException("a placement holds plain data, not " + value);
          }
        });
    return node;
  }

  private static ObjectNode live(LiveApp live, PlatformKind platform) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", live.name());
    node.put("id", live.id());
    node.put("generation", live.generation());
    ArrayNode processes = node.putArray("processes");
    for (LiveProcess p : live.processes()) {
      ObjectNode n = processes.addObject();
      n.put("type", p.type());
      n.put("size", p.size());
      n.put("quantity", p.quantity());
      n.put("updated_at", p.updatedAt() == null ? null : p.updatedAt().toString());
      if (p.resources() != null) {
        n.set("resources", resources(p.resources()));
      }
    }
    LiveMonitor m = live.monitor();
    if (m == null) {
      node.putNull("monitor");
    } else {
      ObjectNode n = node.putObject("monitor");
      n.put("id", m.id());
      n.put("active", m.active());
      n.put("min", m.min());
      n.put("max", m.max());
      n.put("p95_ms", m.p95Ms());
      n.put("notify", m.notifyApp());
      if (m.metric() != null) {
        n.put("metric", m.metric());
      }
    }
    if (live.placement() != null) {
      node.set(platform.liveKey(), tree(live.placement().json(true)));
    }
    return node;
  }

  private static ObjectNode counts(ObjectNode node, long add, long change, long remove) {
    node.put("add", add);
    node.put("change", change);
    node.put("remove", remove);
    return node;
  }

  private static void costs(ObjectNode node, CostRange before, CostRange after) {
    node.set("before_usd", range(before));
    node.set("after_usd", range(after));
    node.set("delta_usd", range(after.minus(before)));
  }

  private static ObjectNode sized(String size, int quantity) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("size", size);
    node.put("quantity", quantity);
    return node;
  }

  private static tools.jackson.databind.JsonNode rule(AutoscaleRule rule) {
    if (rule == null) {
      return MAPPER.nullNode();
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("min", rule.min());
    node.put("max", rule.max());
    node.put("p95_ms", rule.p95Ms());
    node.put("notify", rule.notifyApp());
    if (rule.metric() != null) {
      node.put("metric", rule.metric());
    }
    if (rule.queue() != null) {
      node.put("queue", rule.queue());
    }
    return node;
  }

  private static ObjectNode resources(Resources r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("cpu_millis", r.cpuMillis());
    node.put("memory_bytes", r.memoryBytes());
    return node;
  }

  private static ObjectNode requests(Requests r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.set("min", resources(r.min()));
    node.set("max", resources(r.max()));
    return node;
  }

  public static ObjectNode range(CostRange cost) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("min", cost.minUsd());
    node.put("max", cost.maxUsd());
    return node;
  }
}
