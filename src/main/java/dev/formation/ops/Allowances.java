package dev.formation.ops;

import dev.formation.config.Guardrail;
import dev.formation.diag.Code;
import dev.formation.diag.Diagnostics;
import dev.formation.diag.DidYouMean;
import dev.formation.plan.AppPlan;
import dev.formation.plan.GuardrailBreach;
import dev.formation.plan.Plan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules {@code --allow RULE} names, and the refusal of a plan that breaks the others. */
final class Allowances {
  private Allowances() {}

  /** The rules named, or {@code null} after an {@code FM091} error for each unknown name. */
  static Set<Guardrail> parse(List<String> words, Diagnostics diagnostics) {
    Set<Guardrail> rules = EnumSet.noneOf(Guardrail.class);
    boolean ok = true;
    for (String word : words) {
      var rule = Guardrail.byKey(word.trim());
      if (rule.isPresent()) {
        rules.add(rule.get());
        continue;
      }
      ok = false;
      String hint = DidYouMean.didYouMean(word, Guardrail.keys());
      diagnostics.error(
          Code.FM091,
          "--allow `" + word + "`: no such guardrail; nothing was read from any platform",
          null,
          hint != null ? hint : "the guardrails are " + String.join(", ", Guardrail.keys()));
    }
    return ok ? rules : null;
  }

  /** Adds an {@code FM090} error when the plan breaks a guardrail that was not allowed. */
  static void refuse(Plan plan, String consequence, Diagnostics diagnostics) {
    if (!plan.breaksGuardrails()) {
      return;
    }
    int count = 0;
    Set<String> rules = new LinkedHashSet<>();
    List<String> apps = new ArrayList<>();
    for (AppPlan app : plan.apps()) {
      if (!app.breaksGuardrails()) {
        continue;
      }
      apps.add(app.app());
      for (GuardrailBreach b : app.breaches()) {
        if (!b.allowed()) {
          count++;
          rules.add(b.rule().key());
        }
      }
    }
    diagnostics.error(
        Code.FM090,
        "the plan breaks "
            + (count == 1 ? "a guardrail" : count + " guardrails")
            + " ("
            + String.join(", ", rules)
            + ") in "
            + String.join(", ", apps)
            + "; "
            + consequence,
        null,
        "each breach is listed under its app; to let a breach through on purpose, pass "
            + String.join(" ", rules.stream().map(r -> "--allow " + r).toList()));
  }
}
