package dev.formation.ui;

import dev.formation.diag.Diagnostic;
import dev.formation.diag.Diagnostics;
import dev.formation.plan.CostRange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The page's JSON: one mapper, and the shapes of a diagnostic and a cost. */
final class UiJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private UiJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code $25}, or {@code $25–$100} for a range; per month. */
  static String cost(CostRange c) {
    if (c == null) {
      return null;
    }
    return c.isFixed()
        ? CostRange.usd(c.minUsd())
        : CostRange.usd(c.minUsd()) + "–" + CostRange.usd(c.maxUsd());
  }

  /** {@code +$25}, {@code -$25}, or {@code $0}. */
  static String delta(CostRange c) {
    if (c.isZero()) {
      return "$0";
    }
    if (c.isFixed()) {
      return (c.minUsd() > 0 ? "+" : "-") + CostRange.usd(Math.abs(c.minUsd()));
    }
    return signed(c.minUsd()) + " to " + signed(c.maxUsd());
  }

  private static String signed(long usd) {
    return (usd >= 0 ? "+" : "-") + CostRange.usd(Math.abs(usd));
  }

  static ArrayNode diagnostics(Iterable<Diagnostic> all) {
    ArrayNode list = MAPPER.createArrayNode();
    for (Diagnostic d : all) {
      ObjectNode n = list.addObject();
      n.put("severity", d.isError() ? "error" : "warning")
          .put("code", d.code().name())
          .put("message", d.message());
      if (d.hint() != null) {
        n.put("hint", d.hint());
      }
      if (d.range() != null && d.range().line() > 0) {
        n.put("at", d.range().toString());
      }
    }
    return list;
  }

  static ArrayNode diagnostics(Diagnostics all) {
    return diagnostics(all.sorted());
  }
}
