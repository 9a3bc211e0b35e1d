package dev.formation.config;

import java.util.Locale;

/** Which platform an app lives on. */
public enum PlatformKind {
  HEROKU,
  LOCAL,
  KUBERNETES;

  /**
   * Whether the platform's autoscaler brings the count into its band by itself as soon as it exists
   * (a HorizontalPodAutoscaler does; a Heroku monitor does not), so enabling one never needs a
   * starting count written.
   */
  public boolean autoscalerSetsTheCount() {
    return this == KUBERNETES;
  }

  /**
   * Whether the platform refuses an app whose running types mix tier groups (Heroku and the local
   * platform do, so a tier move carries idle types along); a cluster has no tiers.
   */
  public boolean enforcesTiers() {
    return this != KUBERNETES;
  }

  /** The word used in formation.yaml. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
