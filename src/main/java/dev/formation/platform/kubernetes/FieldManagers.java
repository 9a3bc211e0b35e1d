package dev.formation.platform.kubernetes;

import dev.formation.platform.PlatformException;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who else manages an object formation writes by server-side apply (an HPA, a KEDA ScaledObject):
 * formation deletes only what no other field manager owns, unless the user forces it.
 */
final class FieldManagers {
  private FieldManagers() {}

  /** The field managers of an object other than formation's own, main resource only. */
  static Set<String> others(List<ManagedFieldsEntry> entries) {
    Set<String> others = new LinkedHashSet<>();
    if (entries != null) {
      for (ManagedFieldsEntry e : entries) {
        if (e.getManager() != null
            && !KubernetesPlatform.FIELD_MANAGER.equals(e.getManager())
            && e.getSubresource() == null) {
          others.add(e.getManager());
        }
      }
    }
    return others;
  }

  /**
   * Refuses to delete {@code what} (a kind and a name, {@code the ScaledObject shop-worker}) while
   * other managers own it and the user did not force conflicts.
   */
  static void checkDelete(String what, List<ManagedFieldsEntry> entries, boolean forceConflicts)
      throws PlatformException {
    Set<String> others = others(entries);
    if (!others.isEmpty() && !forceConflicts) {
      throw new PlatformException(
          what
              + " is also managed by "
              + String.join(", ", others.stream().map(m -> "`" + m + "`").toList())
              + "; formation does not delete what another manager owns: remove it there, or"
              + " apply with --force-conflicts",
          409,
          "conflict",
          null);
    }
  }
}
