package dev.formation.plan;

import dev.formation.catalog.Resources;

/**
 * A change to one process type's count, size, or both, sent in the app's one batch formation
 * update.
 *
 * @param fromSize the live size in the catalogue's spelling (or as the platform gave it if the
 *     catalogue does not know it)
 * @param toSize the desired size; equal to {@code fromSize} (ignoring case) when unchanged
 * @param toQuantity the desired count; equal to {@code fromQuantity} when the count is left alone
 *     (an autoscaler owns it, or only the size changes)
 * @param autoscale the band an autoscaler keeps this type in after apply, or {@code null}
 * @param fromResources what one replica requests now, on a platform that sizes by resources
 *     (Kubernetes); {@code null} elsewhere, and {@code toResources} likewise once applied
 */
public record ProcessChange(
    String type,
    Action action,
    int fromQuantity,
    int toQuantity,
    String fromSize,
    String toSize,
    AutoscaleRule autoscale,
    CostRange costDelta,
    Resources fromResources,
    Resources toResources)
    implements Change {

  /** A change on a platform that sizes by name only (Heroku, local). */
  public ProcessChange(
      String type,
      Action action,
      int fromQuantity,
      int toQuantity,
      String fromSize,
      String toSize,
      AutoscaleRule autoscale,
      CostRange costDelta) {
    this(
        type, action, fromQuantity, toQuantity, fromSize, toSize, autoscale, costDelta, null, null);
  }

  /**
   * What the change does to the requested CPU and memory ({@code +1 GiB, +0.5 CPU}), or {@code
   * null} off Kubernetes.
   */
  public String requestsDelta() {
    if (fromResources == null || toResources == null) {
      return null;
    }
    Resources before = fromResources.times(fromQuantity);
    Resources after = toResources.times(toQuantity);
    return Resources.delta(
        after.cpuMillis() - before.cpuMillis(), after.memoryBytes() - before.memoryBytes());
  }

  /** The same change with the resources of both sides. */
  public ProcessChange withResources(Resources from, Resources to) {
    return new ProcessChange(
        type, action, fromQuantity, toQuantity, fromSize, toSize, autoscale, costDelta, from, to);
  }

  public ProcessChange {
    if (type == null || action == null || fromSize == null || toSize == null) {
      throw new IllegalArgumentException("a process change needs a type, action and sizes");
    }
    if (fromQuantity < 0 || toQuantity < 0) {
      throw new IllegalArgumentException("quantities are absolute and >= 0");
    }
    if (fromQuantity == toQuantity && fromSize.equalsIgnoreCase(toSize)) {
      throw new IllegalArgumentException("process change for " + type + " changes nothing");
    }
  }

  /** The action a quantity/size move counts as: up from 0 adds, down to 0 removes. */
  public static Action actionFor(int fromQuantity, int toQuantity) {
    if (fromQuantity == 0 && toQuantity > 0) {
      return Action.ADD;
    }
    if (fromQuantity > 0 && toQuantity == 0) {
      return Action.REMOVE;
    }
    return Action.CHANGE;
  }

  public boolean quantityChanged() {
    return fromQuantity != toQuantity;
  }

  public boolean sizeChanged() {
    return !fromSize.equalsIgnoreCase(toSize);
  }

  /** The absolute quantity to send in the batch update, or {@code null} to leave the count. */
  public Integer quantityToSend() {
    return quantityChanged() ? toQuantity : null;
  }

  /** The size to send in the batch update, or {@code null} to leave the size. */
  public String sizeToSend() {
    return sizeChanged() ? toSize : null;
  }
}
