package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code resourceVersion} of each Deployment as this run last read it, which is what a plan was
 * made from: the applier re-reads an app just before writing and refuses when it differs from the
 * plan's fingerprint, or writes on the plan's own read of a moment ago. A scale carries that
 * version as a precondition ({@code kubectl scale --resource-version}), so a Deployment changed in
 * between is a conflict, "changed since plan", never an overwrite.
 */
final class ReadVersions {
  /** The code of a scale refused because the Deployment changed since it was read (diag.Code). */
  static final String CHANGED_CODE = "FM163";

  private final Map<String, String> versions = new ConcurrentHashMap<>();

  void remember(KubernetesLocation where, Deployment d) {
    String v = d.getMetadata().getResourceVersion();
    if (v != null && !v.isBlank()) {
      versions.put(key(where, d.getMetadata().getName()), v);
    }
  }

  /**
   * The version the plan was made from, checked against the Deployment as it is now, before any
   * write: {@code now}'s own version when this run never read it.
   *
   * @throws PlatformException "changed since plan" when the two differ
   */
  String planned(KubernetesLocation where, Deployment now) throws PlatformException {
    String name = now.getMetadata().getName();
    String read = versions.get(key(where, name));
    String current = now.getMetadata().getResourceVersion();
    if (read != null && current != null && !read.equals(current)) {
      throw changed(name, read);
    }
    return read != null ? read : current;
  }

  /** A Deployment whose version is no longer the one read: someone changed it since the plan. */
  static PlatformException changed(String deployment, String version) {
    return new PlatformException(
        "the Deployment "
            + deployment
            + " changed since plan (it was read at resourceVersion "
            + Text.clean(version, 40)
            + "), so it was not scaled; make a new plan ["
            + CHANGED_CODE
            + "]",
        409,
        "changed_since_plan",
        null);
  }

  private static String key(KubernetesLocation where, String deployment) {
    return where.context() + "\n" + where.namespace() + "\n" + deployment;
  }
}
