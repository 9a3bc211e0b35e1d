package dev.formation.config;

import java.util.Locale;

/** Which platform an app lives on. */
public enum PlatformKind {
  HEROKU,
  LOCAL;

  /** The word used in formation.yaml. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
