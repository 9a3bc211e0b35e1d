package dev.formation.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The guardrails of one app: the limits a plan must keep to before apply may carry it out. A {@code
 * null} field is a rule that is not set. The top level's guardrails apply to every app; an app's
 * own {@code guardrails:} overrides them key by key ({@link #over}).
 *
 * @param maxMonthlyIncrease USD: how much one apply may raise the app's monthly estimate
 * @param maxScaleDownPercent per process type and apply: the largest share of its dynos removed
 * @param protect process types that never go below 1 dyno and are never pruned
 * @param requireBranch apply only from a commit on this branch
 */
public record GuardrailSpec(
    Integer maxMonthlyIncrease,
    Integer maxScaleDownPercent,
    List<String> protect,
    String requireBranch) {
  public static final GuardrailSpec NONE = new GuardrailSpec(null, null, null, null);

  public GuardrailSpec {
    protect = protect == null ? null : List.copyOf(protect);
  }

  /** This app's guardrails, each key not set here taken from {@code outer} (the top level's). */
  public GuardrailSpec over(GuardrailSpec outer) {
    return new GuardrailSpec(
        maxMonthlyIncrease != null ? maxMonthlyIncrease : outer.maxMonthlyIncrease,
        maxScaleDownPercent != null ? maxScaleDownPercent : outer.maxScaleDownPercent,
        protect != null ? protect : outer.protect,
        requireBranch != null ? requireBranch : outer.requireBranch);
  }

  /** No rule set. */
  public boolean isEmpty() {
    return maxMonthlyIncrease == null
        && maxScaleDownPercent == null
        && protect == null
        && requireBranch == null;
  }

  /** The protected types, empty when none. */
  public List<String> protectedTypes() {
    return protect == null ? List.of() : protect;
  }

  /** {@code max_monthly_increase=500 protect=web,worker}: the rules set, for digests and diffs. */
  public List<String> settings() {
    List<String> out = new ArrayList<>();
    if (maxMonthlyIncrease != null) {
      out.add(Guardrail.MAX_MONTHLY_INCREASE.key() + "=" + maxMonthlyIncrease);
    }
    if (maxScaleDownPercent != null) {
      out.add(Guardrail.MAX_SCALE_DOWN_PERCENT.key() + "=" + maxScaleDownPercent);
    }
    if (protect != null) {
      out.add(Guardrail.PROTECT.key() + "=" + String.join(",", protect));
    }
    if (requireBranch != null) {
      out.add(Guardrail.REQUIRE_BRANCH.key() + "=" + requireBranch);
    }
    return out;
  }
}
