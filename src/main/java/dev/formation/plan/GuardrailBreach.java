package dev.formation.plan;

import dev.formation.config.Guardrail;

/**
 * A guardrail the plan breaks for one app.
 *
 * @param type the process type concerned, or {@code null} for the app as a whole
 * @param detail what breaks it, without the rule's name: {@code +$1,250/mo is over the limit of
 *     $500/mo}
 * @param allowed whether {@code --allow RULE} lets it through
 */
public record GuardrailBreach(Guardrail rule, String type, String detail, boolean allowed) {
  public GuardrailBreach {
    if (rule == null || detail == null) {
      throw new IllegalArgumentException("a breach needs a rule and a detail");
    }
  }

  /** {@code guardrail max_monthly_increase: +$1,250/mo is over the limit of $500/mo}. */
  public String message() {
    return "guardrail " + rule.key() + ": " + detail;
  }

  public GuardrailBreach allow() {
    return new GuardrailBreach(rule, type, detail, true);
  }
}
