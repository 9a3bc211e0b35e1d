package dev.formation.planfile;

import dev.formation.catalog.Resources;
import dev.formation.config.Guardrail;
import dev.formation.config.PlatformKind;
import dev.formation.live.LiveApp;
import dev.formation.live.LiveMonitor;
import dev.formation.live.LiveProcess;
import dev.formation.live.Placement;
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
import dev.formation.plan.Target;
import dev.formation.plan.TypeWindow;
import dev.formation.plan.UnmanagedProcess;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Reads back the tree {@link PlanJson} writes (with live state) into the plan records. */
final class PlanJsonReader {
  private PlanJsonReader() {}

  /**
   * @param at the moment the plan was made for, when the file records it outside the plan
   */
  static Plan plan(JsonField root, Instant at) throws PlanFileException {
    JsonField apps = root.get("apps");
    List<AppPlan> result = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      result.add(app(apps.at(i)));
    }
    Instant evaluated = root.has("evaluated_at") ? instant(root.get("evaluated_at")) : at;
    List<Target> targets = new ArrayList<>();
    if (root.has("targets")) {
      JsonField words = root.get("targets");
      for (int i = 0; i < words.size(); i++) {
        try {
          targets.add(Target.parse(words.at(i).string()));
        } catch (IllegalArgumentException e) {
          throw words.at(i).error("not a target: APP or APP.TYPE");
        }
      }
    }
    return new Plan(result, evaluated, targets);
  }

  private static AppSchedule schedule(JsonField n) throws PlanFileException {
    JsonField types = n.get("types");
    List<TypeWindow> list = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      JsonField t = types.at(i);
      try {
        list.add(
            new TypeWindow(
                t.get("type").string(),
                t.get("window").stringOrNull(),
                instant(t.get("since")),
                instant(t.get("until")),
                t.get("next").stringOrNull(),
                t.get("zone").string()));
      } catch (IllegalArgumentException e) {
        throw t.error(e.getMessage());
      }
    }
    return new AppSchedule(list, range(n.get("weighted_usd")));
  }

  private static List<GuardrailBreach> breaches(JsonField n) throws PlanFileException {
    List<GuardrailBreach> list = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonField b = n.at(i);
      JsonField ruleField = b.get("rule");
      String key = ruleField.string();
      Guardrail rule =
          Guardrail.byKey(key).orElseThrow(() -> ruleField.error("unknown rule `" + key + "`"));
      list.add(
          new GuardrailBreach(
              rule,
              b.get("type").stringOrNull(),
              b.get("detail").string(),
              b.get("allowed").bool()));
    }
    return list;
  }

  private static AppPlan app(JsonField n) throws PlanFileException {
    JsonField changes = n.get("changes");
    List<Change> changeList = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      changeList.add(change(changes.at(i)));
    }
    JsonField unmanaged = n.get("unmanaged");
    List<UnmanagedProcess> unmanagedList = new ArrayList<>();
    for (int i = 0; i < unmanaged.size(); i++) {
      JsonField u = unmanaged.at(i);
      unmanagedList.add(
          new UnmanagedProcess(
              u.get("type").string(),
              u.get("size").string(),
              u.get("quantity").intValue(),
              range(u.get("cost_usd")),
              u.get("price_known").bool()));
    }
    JsonField cost = n.get("cost");
    PlatformKind platform = platform(n.get("platform"));
    String key = platform.placementKey();
    try {
      return new AppPlan(
          n.get("app").string(),
          platform,
          live(n.get("live"), platform),
          changeList,
          unmanagedList,
          n.has("diagnostics")
              ? DiagnosticJson.read(n.get("diagnostics"))
              : DiagnosticJson.fromMessages(strings(n.get("errors"))),
          strings(n.get("notes")),
          n.get("fingerprint").stringOrNull(),
          range(cost.get("before_usd")),
          range(cost.get("after_usd")),
          key != null && n.has(key) ? placement(n.get(key), platform::placement) : null,
          n.has("requests") ? requests(n.get("requests").get("before")) : null,
          n.has("requests") ? requests(n.get("requests").get("after")) : null,
          n.has("schedule") ? schedule(n.get("schedule")) : null,
          n.has("guardrails") ? breaches(n.get("guardrails")) : List.of());
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static Change change(JsonField n) throws PlanFileException {
    String kind = n.get("kind").string();
    try {
      if (kind.equals("process")) {
        JsonField from = n.get("from");
        JsonField to = n.get("to");
        return new ProcessChange(
            n.get("type").string(),
            action(n.get("action")),
            from.get("quantity").intValue(),
            to.get("quantity").intValue(),
            from.get("size").string(),
            to.get("size").string(),
            rule(n.get("autoscale")),
            range(n.get("cost_delta_usd")),
            n.has("from_resources") ? resources(n.get("from_resources")) : null,
            n.has("to_resources") ? resources(n.get("to_resources")) : null);
      }
      if (PlatformKind.find(kind).isPresent()) {
        SetupStep step =
            new SetupStep(
                n.get("operation").string(),
                n.get("action").string(),
                n.get("type").stringOrNull(),
                n.get("from").stringOrNull(),
                n.get("to").stringOrNull(),
                n.get("port").isNull() ? null : n.get("port").intValue(),
                false);
        return new SetupChange(kind, step, range(n.get("cost_delta_usd")));
      }
      if (kind.equals("monitor")) {
        return new MonitorChange(
            monitorKind(n.get("operation")),
            n.get("type").string(),
            n.get("monitor_id").stringOrNull(),
            rule(n.get("from")),
            rule(n.get("to")),
            range(n.get("cost_delta_usd")));
      }
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
    throw n.get("kind").error("expected `process`, `monitor` or a platform's word");
  }

  private static LiveApp live(JsonField n, PlatformKind platform) throws PlanFileException {
    if (n.isNull()) {
      return null;
    }
    JsonField processes = n.get("processes");
    List<LiveProcess> list = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      JsonField p = processes.at(i);
      list.add(
          new LiveProcess(
              p.get("type").string(),
              p.get("size").stringOrNull(),
              p.get("quantity").intValue(),
              null,
              instant(p.get("updated_at")),
              p.has("resources") ? resources(p.get("resources")) : null));
    }
    JsonField m = n.get("monitor");
    LiveMonitor monitor =
        m.isNull()
            ? null
            : new LiveMonitor(
                m.get("id").stringOrNull(),
                m.get("active").bool(),
                m.get("min").intValue(),
                m.get("max").intValue(),
                m.get("p95_ms").intValue(),
                m.get("notify").bool(),
                m.has("metric") ? m.get("metric").stringOrNull() : null);
    String key = platform.liveKey();
    return new LiveApp(
        n.get("name").string(),
        n.get("id").stringOrNull(),
        n.get("generation").stringOrNull(),
        list,
        monitor,
        key != null && n.has(key) ? placement(n.get(key), platform::livePlacement) : null);
  }

  private static Resources resources(JsonField n) throws PlanFileException {
    try {
      return new Resources(n.get("cpu_millis").longValue(), n.get("memory_bytes").longValue());
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static Requests requests(JsonField n) throws PlanFileException {
    return new Requests(resources(n.get("min")), resources(n.get("max")));
  }

  /** A platform's placement, read back by its provider from the plain data it saved. */
  private static Placement placement(JsonField n, Function<Map<String, Object>, Placement> read)
      throws PlanFileException {
    Map<String, Object> data = data(n);
    try {
      return read.apply(data);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw n.error("not a placement of its platform: " + e.getMessage());
    }
  }

  /** An object as plain data: strings, integers, booleans, nulls and nested maps. */
  private static Map<String, Object> data(JsonField n) throws PlanFileException {
    Map<String, Object> data = new LinkedHashMap<>();
    for (String name : n.fieldNames()) {
      JsonField v = n.get(name);
      if (v.isNull()) {
        data.put(name, null);
      } else if (v.node().isObject()) {
        data.put(name, data(v));
      } else if (v.node().isString()) {
        data.put(name, v.string());
      } else if (v.node().isBoolean()) {
        data.put(name, v.bool());
      } else if (v.node().isIntegralNumber() && v.node().canConvertToInt()) {
        data.put(name, v.intValue());
      } else if (v.node().isIntegralNumber()) {
        data.put(name, v.longValue());
      } else {
        throw v.error("expected a string, an integer, true, false, null or an object");
      }
    }
    return data;
  }

  private static AutoscaleRule rule(JsonField n) throws PlanFileException {
    if (n.isNull()) {
      return null;
    }
    return new AutoscaleRule(
        n.get("min").intValue(),
        n.get("max").intValue(),
        n.get("p95_ms").intValue(),
        n.get("notify").bool(),
        n.has("metric") ? n.get("metric").stringOrNull() : null,
        n.has("queue") ? n.get("queue").stringOrNull() : null);
  }

  private static CostRange range(JsonField n) throws PlanFileException {
    long min = n.get("min").longValue();
    long max = n.get("max").longValue();
    if (min > max) {
      throw n.error("min is above max");
    }
    return new CostRange(min, max);
  }

  private static List<String> strings(JsonField n) throws PlanFileException {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      list.add(n.at(i).string());
    }
    return list;
  }

  private static Instant instant(JsonField n) throws PlanFileException {
    String text = n.stringOrNull();
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw n.error("expected an ISO-8601 instant");
    }
  }

  private static Action action(JsonField n) throws PlanFileException {
    return word(n, Action.class);
  }

  private static MonitorChange.Kind monitorKind(JsonField n) throws PlanFileException {
    return word(n, MonitorChange.Kind.class);
  }

  private static PlatformKind platform(JsonField n) throws PlanFileException {
    String text = n.string();
    return PlatformKind.find(text).orElseThrow(() -> n.error("unknown value `" + text + "`"));
  }

  private static <E extends Enum<E>> E word(JsonField n, Class<E> type) throws PlanFileException {
    String text = n.string();
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
        return e;
      }
    }
    throw n.error("unknown value `" + text + "`");
  }
}
