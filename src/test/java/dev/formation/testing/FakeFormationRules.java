package dev.formation.testing;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Generation;
import dev.formation.catalog.Size;
import dev.formation.catalog.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Heroku's formation update rules, written here independently of formation's own validator (only
 * the catalogue's facts are shared): body shape, size names, unknown types, tier mixing over the
 * whole resulting formation, and per-type and per-app limits. An update is all or nothing.
 */
final class FakeFormationRules {
  private static final Set<String> UPDATE_KEYS = Set.of("type", "quantity", "size", "dyno_size");

  private FakeFormationRules() {}

  /** One parsed update: the type, a quantity (absolute or relative) and a size, each optional. */
  record Update(String type, Integer quantity, boolean relative, Size size, boolean quantitySet) {}

  static List<Update> parseBatch(FakeApp app, JsonNode body) throws FakeError {
    if (!body.isObject()
        || !body.has("updates")
        || !body.get("updates").isArray()
        || body.size() != 1) {
      throw FakeError.invalid("Invalid params: `updates` must be an array of formation updates.");
    }
    List<Update> out = new ArrayList<>();
    for (JsonNode u : body.get("updates")) {
      if (!u.isObject() || !u.has("type") || !u.get("type").isString()) {
        throw FakeError.invalid("Invalid params: each update needs a `type`.");
      }
      out.add(parseOne(app, u.get("type").stringValue(), u, UPDATE_KEYS));
    }
    return out;
  }

  static Update parseOne(FakeApp app, String type, JsonNode u, Set<String> allowed)
      throws FakeError {
    for (String key : u.propertyNames()) {
      if (!allowed.contains(key)) {
        throw FakeError.invalid("Invalid params: unexpected key `" + key + "`.");
      }
    }
    Integer quantity = null;
    boolean relative = false;
    JsonNode q = u.get("quantity");
    if (q != null) {
      if (q.isIntegralNumber() && q.canConvertToInt()) {
        quantity = q.intValue();
      } else if (q.isString() && q.stringValue().matches("[+-]?\\d{1,6}")) {
        relative = q.stringValue().startsWith("+") || q.stringValue().startsWith("-");
        quantity = Integer.parseInt(q.stringValue());
      } else {
        throw FakeError.invalid("Invalid params: `quantity` must be an integer.");
      }
      if (!relative && quantity < 0) {
        throw FakeError.invalid("Invalid params: `quantity` must be 0 or more.");
      }
    }
    if (u.has("size") && u.has("dyno_size")) {
      throw FakeError.invalid("Invalid params: give either `size` or `dyno_size`, not both.");
    }
    Size size = null;
    if (u.has("size")) {
      size = size(app, u.get("size").isString() ? u.get("size").stringValue() : null);
    } else if (u.has("dyno_size")) {
      JsonNode d = u.get("dyno_size");
      if (!d.isObject() || !d.has("name") || !d.get("name").isString() || d.size() != 1) {
        throw FakeError.invalid("Invalid params: `dyno_size` must be {\"name\": ...}.");
      }
      size = size(app, d.get("name").stringValue());
    }
    return new Update(type, quantity, relative, size, q != null);
  }

  private static Size size(FakeApp app, String name) throws FakeError {
    if (name == null) {
      throw FakeError.invalid("Invalid params: `size` must be a string.");
    }
    Catalog catalog = Catalog.standard();
    if (catalog.replacementForLegacy(name).isPresent()) {
      throw FakeError.invalid("The " + name + " dyno size is no longer available.");
    }
    Size s =
        catalog.find(name).orElseThrow(() -> FakeError.invalid("No such dyno size: " + name + "."));
    boolean fir = app.generation.equals("fir");
    if ((s.tier() == Tier.FIR) != fir) {
      throw FakeError.invalid(
          "The "
              + s.name()
              + " dyno size is not available on the "
              + (fir ? "Fir" : "Cedar")
              + " generation.");
    }
    return s;
  }

  /** Checks the updates against the whole resulting formation, then applies them. */
  static List<FakeApp.Proc> apply(FakeApp app, List<Update> updates) throws FakeError {
    Map<String, Size> sizes = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    app.formation
        .values()
        .forEach(
            p -> {
              sizes.put(p.type, p.size);
              counts.put(p.type, p.quantity);
            });
    Map<String, Update> touched = new LinkedHashMap<>();
    for (Update u : updates) {
      if (!app.formation.containsKey(u.type())) {
        throw FakeError.notFound("Couldn't find that process type (" + u.type() + ").");
      }
      if (touched.put(u.type(), u) != null) {
        throw FakeError.invalid("Invalid params: process type " + u.type() + " is updated twice.");
      }
      if (u.size() != null) {
        sizes.put(u.type(), u.size());
      }
      if (u.quantity() != null) {
        int q = u.relative() ? counts.get(u.type()) + u.quantity() : u.quantity();
        counts.put(u.type(), Math.max(0, q));
      }
    }
    checkTiers(sizes);
    checkLimits(app, touched.keySet(), sizes, counts);
    List<FakeApp.Proc> changed = new ArrayList<>();
    Instant now = FakeJson.now();
    for (String type : touched.keySet()) {
      FakeApp.Proc p = app.formation.get(type);
      p.size = sizes.get(type);
      p.quantity = counts.get(type);
      p.updatedAt = now;
      changed.add(p);
    }
    // Heroku: scaling web by hand while autoscaling is on turns autoscaling off
    Update web = touched.get("web");
    if (web != null && web.quantitySet()) {
      app.monitors.stream()
          .filter(m -> m.actionType.equals("scale"))
          .forEach(m -> m.active = false);
    }
    return changed;
  }

  private static void checkTiers(Map<String, Size> sizes) throws FakeError {
    Size first = null;
    for (Size s : sizes.values()) {
      if (first == null) {
        first = s;
      } else if (!first.tier().group().equals(s.tier().group())) {
        throw FakeError.invalid(
            "Cannot use the following dyno types in the same app: "
                + first.name()
                + " and "
                + s.name());
      }
    }
  }

  private static void checkLimits(
      FakeApp app, Set<String> touched, Map<String, Size> sizes, Map<String, Integer> counts)
      throws FakeError {
    for (String type : touched) {
      Size s = sizes.get(type);
      int q = counts.get(type);
      if (q > s.maxPerType()) {
        throw FakeError.invalid(
            s.maxPerType() == 1
                ? "Cannot update to more than 1 " + s.name() + " size dynos per process type."
                : "Cannot scale to more than "
                    + s.maxPerType()
                    + " "
                    + s.name()
                    + " size dynos per process type.");
      }
    }
    int total = 0;
    int eco = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      total += e.getValue();
      eco += sizes.get(e.getKey()).tier() == Tier.ECO ? e.getValue() : 0;
    }
    if (eco > Catalog.MAX_ECO_RUNNING_PER_APP) {
      throw FakeError.invalid(
          "Cannot run more than " + Catalog.MAX_ECO_RUNNING_PER_APP + " Eco dynos per app.");
    }
    Generation g = app.generation.equals("fir") ? Generation.FIR : Generation.CEDAR;
    if (total > g.maxDynosPerApp()) {
      throw FakeError.invalid(
          "Cannot scale to more than " + g.maxDynosPerApp() + " dynos per app.");
    }
  }
}
