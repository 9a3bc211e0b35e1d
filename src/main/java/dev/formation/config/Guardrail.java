package dev.formation.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The guardrail rules, by the name the file and {@code --allow RULE} use. */
public enum Guardrail {
  MAX_MONTHLY_INCREASE,
  MAX_SCALE_DOWN_PERCENT,
  PROTECT,
  REQUIRE_BRANCH;

  /** {@code max_monthly_increase}: the key in the file and the word of {@code --allow}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Guardrail> byKey(String key) {
    return Arrays.stream(values()).filter(g -> g.key().equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Guardrail::key).toList();
  }
}
