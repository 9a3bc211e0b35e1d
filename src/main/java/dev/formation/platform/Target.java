package dev.formation.platform;

import dev.formation.config.PlatformKind;
import dev.formation.live.Placement;

/**
 * One app as a platform adapter needs to know it: its name, its platform and, for a platform that
 * needs more to find or set it up, where the config wants it (a local app's folder and router port,
 * a cluster app's Deployments and size map), as the platform's own placement.
 *
 * @param placement the placement the app's settings give, opaque to the core; {@code null} for a
 *     platform that needs none, and for an app named without a config (import) unless its provider
 *     gives one
 */
public record Target(String app, PlatformKind platform, Placement placement) {
  public Target {
    if (app == null || platform == null) {
      throw new IllegalArgumentException("a target names an app and its platform");
    }
  }

  /** An app known by name only. */
  public static Target named(String app, PlatformKind platform) {
    return new Target(app, platform, null);
  }
}
