package dev.formation.config;

import dev.formation.catalog.Size;
import dev.formation.config.yaml.YMap;
import dev.formation.config.yaml.YNode;
import dev.formation.config.yaml.YSeq;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code schedule:} of one process type and checks what concerns each window alone: its
 * days and times, that it sets exactly one of {@code quantity} and {@code autoscale} of the type's
 * own kind, the per-type limits, and unique names. Overlaps and the app's limits at every moment
 * are {@link ScheduleRules}' part, once every type is read.
 */
final class ScheduleReader {
  private final FieldReader read;
  private final Diagnostics diags;
  private final WindowWhen when;

  ScheduleReader(FieldReader read) {
    this.read = read;
    this.diags = read.diags();
    this.when = new WindowWhen(read);
  }

  /**
   * The type's windows that are complete enough to plan with; the rest are reported.
   *
   * @param at the process type's place
   * @param baseAutoscaled whether the type itself autoscales (its windows must then autoscale too)
   * @param base the type's own autoscale rule, whose p95 and notify windows default to, or null
   */
  List<WindowSpec> read(
      YMap.Entry entry, TreePath at, Size size, boolean baseAutoscaled, AutoscaleSpec base) {
    List<WindowSpec> windows = new ArrayList<>();
    if (entry == null || !(entry.value() instanceof YSeq list)) {
      return windows;
    }
    Map<String, WindowSpec> byName = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      if (!(list.items().get(i) instanceof YMap body)) {
        continue;
      }
      TreePath wAt = at.then("schedule").then(i);
      WindowSpec w = window(body, wAt, size, baseAutoscaled, base);
      if (w == null) {
        continue;
      }
      WindowSpec first = byName.putIfAbsent(w.name(), w);
      if (first != null) {
        diags.error(
            Code.FM074,
            "window `"
                + w.name()
                + "` is defined twice "
                + Places.in(at)
                + ": here and at "
                + first.at(),
            w.at(),
            "give each window of a process type its own name");
        continue;
      }
      windows.add(w);
    }
    return windows;
  }

  private WindowSpec window(
      YMap body, TreePath at, Size size, boolean baseAutoscaled, AutoscaleSpec base) {
    YNode nameNode = body.get("name");
    String name = read.string(nameNode, at.then("name"));
    SourceRange where = nameNode != null ? nameNode.range() : body.range();
    String place = WindowWhen.place(at, name);
    DaySpec.Parsed days = when.days(body.get("days"), at.then("days"), place);
    Integer from = when.clock(body.get("from"), at.then("from"), false, place);
    Integer to = when.clock(body.get("to"), at.then("to"), true, place);
    if (from != null && to != null && from.equals(to)) {
      diags.error(
          Code.FM072,
          "window "
              + label(name)
              + " starts and ends at "
              + WindowSpec.clock(from)
              + ", so it is never in force",
          body.get("to").range(),
          "for a whole day write `from: \"00:00\"` and `to: \"24:00\"`");
      to = null;
    }
    Value value = value(body, at, name, where, size, baseAutoscaled, base);
    if (name == null || days == null || from == null || to == null || value == null) {
      return null;
    }
    return new WindowSpec(
        name, days.days(), days.normalised(), from, to, value.quantity, value.autoscale, where);
  }

  /** A window's quantity or autoscale, checked against the type's kind and its size's limits. */
  private record Value(Integer quantity, AutoscaleSpec autoscale) {}

  private Value value(
      YMap body,
      TreePath at,
      String name,
      SourceRange where,
      Size size,
      boolean baseAutoscaled,
      AutoscaleSpec base) {
    YNode quantityNode = body.get("quantity");
    YMap.Entry autoEntry = body.entry("autoscale");
    boolean misspelt = read.faulty(at.then("quantity")) || read.faulty(at.then("autoscale"));
    if (quantityNode != null && autoEntry != null) {
      diags.error(
          Code.FM073,
          "window "
              + label(name)
              + " sets both `quantity` and `autoscale` "
              + Places.in(parentOf(at)),
          autoEntry.keyRange(),
          baseAutoscaled
              ? "an autoscaled type's windows set `autoscale` only"
              : "a fixed type's windows set `quantity` only");
      return null;
    }
    if (quantityNode == null && autoEntry == null) {
      if (!misspelt) {
        diags.error(
            Code.FM073,
            "window "
                + label(name)
                + " sets neither `quantity` nor `autoscale` "
                + Places.in(parentOf(at)),
            where,
            baseAutoscaled
                ? "give the window the band it needs: `autoscale: {min: 4, max: 10}`"
                : "give the window the count it needs: `quantity: 3`");
      }
      return null;
    }
    if (quantityNode != null && baseAutoscaled) {
      diags.error(
          Code.FM073,
          "window "
              + label(name)
              + " sets `quantity`, but `"
              + parentOf(at).last()
              + "` autoscales; its windows set `autoscale`",
          body.entry("quantity").keyRange(),
          "the autoscaler owns the count: give the window a band, `autoscale: {min: 4, max: 10}`");
      return null;
    }
    if (autoEntry != null && !baseAutoscaled) {
      diags.error(
          Code.FM073,
          "window "
              + label(name)
              + " sets `autoscale`, but `"
              + parentOf(at).last()
              + "` has a fixed quantity; its windows set `quantity`",
          autoEntry.keyRange(),
          "a window never switches a type between a fixed count and autoscaling; give it a `quantity`");
      return null;
    }
    if (quantityNode != null) {
      Integer quantity = read.integer(quantityNode, at.then("quantity"), Code.FM040);
      if (quantity != null && size != null && quantity > size.maxPerType()) {
        diags.error(
            Code.FM041,
            Places.field(at.then("quantity"))
                + " is "
                + quantity
                + ", but "
                + size.name()
                + " allows at most "
                + size.maxPerType()
                + (size.maxPerType() == 1 ? " dyno" : " dynos")
                + " per process type",
            quantityNode.range(),
            "lower the window's quantity, or use a size with a higher limit");
        return null;
      }
      return quantity == null ? null : new Value(quantity, null);
    }
    if (!(autoEntry.value() instanceof YMap auto)) {
      return null;
    }
    AutoscaleSpec rule = autoscale(auto, at.then("autoscale"), size, base);
    return rule == null ? null : new Value(null, rule);
  }

  private AutoscaleSpec autoscale(YMap auto, TreePath at, Size size, AutoscaleSpec base) {
    Integer min = read.integer(auto.get("min"), at.then("min"), Code.FM052);
    Integer max = read.integer(auto.get("max"), at.then("max"), Code.FM052);
    YNode p95Node = auto.get("p95_ms");
    Integer p95 = read.integer(p95Node, at.then("p95_ms"), Code.FM052);
    YNode notifyNode = auto.get("notify");
    if (min == null || max == null || (p95Node != null && p95 == null)) {
      return null;
    }
    if (max < min) {
      diags.error(
          Code.FM052,
          "autoscale `max` (" + max + ") is below `min` (" + min + ") " + Places.in(parent(at)),
          auto.get("max").range(),
          "`max` must be at least `min`");
      return null;
    }
    if (size != null && max > size.maxPerType()) {
      diags.error(
          Code.FM052,
          "autoscale `max` ("
              + max
              + ") "
              + Places.in(parent(at))
              + " is over the limit of "
              + size.maxPerType()
              + " "
              + size.name()
              + " dynos per process type",
          auto.get("max").range(),
          "lower `max` to " + size.maxPerType() + " or less");
      return null;
    }
    if (base != null && base.queueDriven()) {
      // a window of a queue rule replaces its band only: the queue is the type's own
      for (String key : new String[] {"p95_ms", "notify"}) {
        if (auto.entry(key) != null) {
          diags.error(
              Code.FM045,
              "`"
                  + key
                  + "` "
                  + Places.in(at)
                  + " belongs to autoscaling on response time, but `"
                  + at.name(3)
                  + "` autoscales on its `queue`",
              auto.entry(key).keyRange(),
              "a window of a queue rule sets its band only: `autoscale: {min: 4, max: 10}`");
          return null;
        }
      }
      return new AutoscaleSpec(min, max, base.p95Ms(), false, base.queue());
    }
    int baseP95 = base == null ? AutoscaleSpec.DEFAULT_P95_MS : base.p95Ms();
    boolean baseNotify = base != null && base.notifyApp();
    return new AutoscaleSpec(
        min, max, p95 == null ? baseP95 : p95, read.bool(notifyNode, baseNotify));
  }

  private static String label(String name) {
    return name == null ? "without a name" : "`" + name + "`";
  }

  private static TreePath parent(TreePath at) {
    return new TreePath(at.steps().subList(0, at.size() - 1));
  }

  /** The process type a window path belongs to: {@code apps/A/processes/T}. */
  private static TreePath parentOf(TreePath windowAt) {
    return new TreePath(windowAt.steps().subList(0, 4));
  }
}
