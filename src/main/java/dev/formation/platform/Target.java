package dev.formation.platform;

import dev.formation.config.PlatformKind;
import dev.formation.live.KubernetesPlacement;
import dev.formation.live.LocalRegistration;

/**
 * One app as a platform adapter needs to know it: its name, its platform and, for a local app,
 * where the config wants it registered (folder, router port, Procfile commands); for a Kubernetes
 * app, where its Deployments are and how sizes map to resources.
 *
 * @param local the registration a local app should have; {@code null} for other platforms, and for
 *     a local app named without a config (import)
 * @param kubernetes a Kubernetes app's placement; {@code null} for other platforms
 */
public record Target(
    String app, PlatformKind platform, LocalRegistration local, KubernetesPlacement kubernetes) {
  public Target {
    if (app == null || platform == null) {
      throw new IllegalArgumentException("a target names an app and its platform");
    }
  }

  public Target(String app, PlatformKind platform, LocalRegistration local) {
    this(app, platform, local, null);
  }

  /** An app known by name only. */
  public static Target named(String app, PlatformKind platform) {
    return new Target(app, platform, null, null);
  }
}
