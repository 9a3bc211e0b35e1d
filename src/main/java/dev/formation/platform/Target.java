package dev.formation.platform;

import dev.formation.config.PlatformKind;
import dev.formation.live.LocalRegistration;

/**
 * One app as a platform adapter needs to know it: its name, its platform and, for a local app,
 * where the config wants it registered (folder, router port, Procfile commands).
 *
 * @param local the registration a local app should have; {@code null} for other platforms, and for
 *     a local app named without a config (import)
 */
public record Target(String app, PlatformKind platform, LocalRegistration local) {
  public Target {
    if (app == null || platform == null) {
      throw new IllegalArgumentException("a target names an app and its platform");
    }
    if (local != null && platform != PlatformKind.LOCAL) {
      throw new IllegalArgumentException("only a local app has a local registration: " + app);
    }
  }

  /** An app known by name only. */
  public static Target named(String app, PlatformKind platform) {
    return new Target(app, platform, null);
  }
}
