package dev.formation.platform.local.daemon.api;

import dev.formation.catalog.Catalog;
import dev.formation.catalog.Size;
import dev.formation.catalog.Tier;
import dev.formation.platform.local.daemon.ProcessRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Applies formation updates the way Heroku validates them, with Heroku's error messages. */
public final class FormationRules {
  private static final Set<String> UPDATE_KEYS = Set.of("type", "quantity", "size", "dyno_size");

  /**
   * One requested change.
   *
   * @param quantity the count, or {@code null} to leave it
   * @param relative whether {@code quantity} is added to the current count ({@code "+1"})
   */
  public record Update(String type, Long quantity, boolean relative, String size) {}

  /** Larger than any limit: a count past it is reported by the limit, not by an overflow. */
  private static final long BEYOND_LIMITS = 1_000_000;

  private FormationRules() {}

  /** Reads one update object; {@code type} comes from the URL for single updates. */
  static Update parse(JsonNode node, String typeFromPath) {
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("Request body must be a JSON object.");
    }
    for (String key : node.propertyNames()) {
      if (!UPDATE_KEYS.contains(key)) {
        throw ApiError.invalid("Invalid formation update: unknown key " + key + ".");
      }
    }
    String type = typeFromPath != null ? typeFromPath : text(node.get("type"));
    if (type == null || type.isBlank()) {
      throw ApiError.invalid("Each formation update needs a type.");
    }
    String size = text(node.get("size"));
    JsonNode dynoSize = node.get("dyno_size");
    if (dynoSize != null && !dynoSize.isNull()) {
      JsonNode named = dynoSize.isObject() ? dynoSize.get("name") : null;
      if (named == null && dynoSize.isObject()) {
        named = dynoSize.get("id");
      }
      if (named == null || !named.isString() || named.asString().isBlank()) {
        throw ApiError.invalid(
            "Invalid dyno_size: give the size's name, as in {\"name\": \"standard-1x\"}.");
      }
      size = named.asString();
    }
    if (size != null && size.isBlank()) {
      throw ApiError.invalid("Invalid dyno size: the name is empty.");
    }
    JsonNode q = node.get("quantity");
    String qt = text(q);
    boolean relative = q != null && q.isString() && (qt.startsWith("+") || qt.startsWith("-"));
    return new Update(type, qt == null ? null : quantity(qt), relative, size);
  }

  /** The app's processes after the updates, or an {@link ApiError} naming the first rule broken. */
  public static List<ProcessRecord> apply(
      List<ProcessRecord> current, List<Update> updates, String now) {
    Map<String, ProcessRecord> next = new LinkedHashMap<>();
    current.forEach(p -> next.put(p.type(), p));
    for (Update u : updates) {
      ProcessRecord p = next.get(u.type());
      if (p == null) {
        throw ApiError.notFound("Couldn't find that process type (" + u.type() + ").");
      }
      String size = u.size() == null ? p.size() : size(u.size()).name();
      long wanted =
          u.quantity() == null
              ? p.quantity()
              : u.relative() ? p.quantity() + u.quantity() : u.quantity();
      if (wanted < 0) {
        throw ApiError.invalid("Quantity cannot be negative (" + u.type() + ": " + wanted + ").");
      }
      int quantity = (int) Math.min(wanted, BEYOND_LIMITS);
      if (!size.equals(p.size()) || quantity != p.quantity()) {
        next.put(u.type(), p.withFormation(size, quantity, now));
      }
    }
    List<ProcessRecord> result = new ArrayList<>(next.values());
    check(result);
    return result;
  }

  private static void check(List<ProcessRecord> processes) {
    Catalog catalog = Catalog.standard();
    List<Size> sizes = new ArrayList<>();
    int total = 0;
    int eco = 0;
    for (ProcessRecord p : processes) {
      Size s = catalog.find(p.size()).orElseThrow();
      if (!sizes.contains(s)) {
        sizes.add(s);
      }
      if (p.quantity() > s.maxPerType()) {
        throw ApiError.invalid(
            (s.tier() == Tier.ECO || s.tier() == Tier.BASIC
                    ? "Cannot update to more than "
                    : "Cannot scale to more than ")
                + s.maxPerType()
                + " "
                + s.name()
                + " size dynos per process type.");
      }
      total += p.quantity();
      eco += s.tier() == Tier.ECO ? p.quantity() : 0;
    }
    List<Size> ordered = catalog.all().stream().filter(sizes::contains).toList();
    for (Size other : ordered) {
      if (!other.tier().group().equals(ordered.get(0).tier().group())) {
        throw ApiError.invalid(
            "Cannot use the following dyno types in the same app: "
                + ordered.get(0).name()
                + " and "
                + other.name());
      }
    }
    if (eco > Catalog.MAX_ECO_RUNNING_PER_APP) {
      throw ApiError.invalid(
          "Cannot run more than " + Catalog.MAX_ECO_RUNNING_PER_APP + " Eco dynos per app.");
    }
    int max = ordered.isEmpty() ? 100 : ordered.get(0).generation().maxDynosPerApp();
    if (total > max) {
      throw ApiError.invalid("Cannot scale to more than " + max + " dynos per app.");
    }
  }

  static Size size(String name) {
    Catalog catalog = Catalog.standard();
    var legacy = catalog.replacementForLegacy(name);
    if (legacy.isPresent()) {
      throw ApiError.invalid(
          "The "
              + name
              + " dyno size is no longer available; use "
              + legacy.get().name()
              + " instead.");
    }
    Size s =
        catalog
            .find(name)
            .orElseThrow(
                () ->
                    ApiError.invalid(
                        "Invalid dyno size "
                            + name
                            + ". Valid sizes: "
                            + String.join(", ", catalog.names())
                            + "."));
    if (s.tier() == Tier.FIR) {
      throw ApiError.invalid(
          "Dyno size "
              + s.name()
              + " is only available to Fir apps; "
              + "this app is a Cedar app.");
    }
    return s;
  }

  private static long quantity(String text) {
    String t = text.strip();
    try {
      long q = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
      // beyond every limit either way, and safe to add to a count without overflow
      return Math.max(-BEYOND_LIMITS, Math.min(BEYOND_LIMITS, q));
    } catch (NumberFormatException e) {
      throw ApiError.invalid(
          "Invalid quantity " + text + ": expected an integer such as 2, +1 or -1.");
    }
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber() || n.isString()) {
      return n.asString();
    }
    throw ApiError.invalid("Expected a string or integer, got " + n + ".");
  }
}
