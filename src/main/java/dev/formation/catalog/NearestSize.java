package dev.formation.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The size {@code formation import} writes for a container whose resources match no size of its
 * platform's size map (docs/kubernetes.md, "Import"): of the sizes the file would accept for it
 * (the tier group of the app's other sizes, else standard and performance; enough dynos per type
 * for its replicas; autoscaling where web is autoscaled), the smallest whose memory is at least the
 * container's (then whose CPU is at least its CPU), else the largest. A container that requests
 * nothing gets the smallest such size (Standard-1X).
 */
public final class NearestSize {
  /** The tier group a Kubernetes app imports into when no other size says otherwise. */
  public static final String DEFAULT_GROUP = Tier.STANDARD.group();

  private NearestSize() {}

  /**
   * @param sizeMap what each size requests on the platform, by canonical name (a size the map lacks
   *     is not a candidate)
   * @param has the container's requests (memory: the request, else the limit)
   * @param others the app's other sizes, which fix the tier group
   * @param replicas the Deployment's replicas, which the size's per-type limit must allow
   * @param autoscaled whether the type is web with an autoscaler
   */
  public static Size pick(
      Catalog catalog,
      Map<String, Resources> sizeMap,
      Resources has,
      List<Size> others,
      int replicas,
      boolean autoscaled) {
    String group = others.isEmpty() ? DEFAULT_GROUP : others.get(0).tier().group();
    List<Size> fits =
        catalog.all().stream()
            .filter(s -> s.tier().group().equals(group))
            .filter(s -> s.maxPerType() >= replicas)
            .filter(s -> !autoscaled || s.autoscale())
            .filter(s -> sizeMap.containsKey(s.name()))
            .sorted(
                Comparator.comparingLong((Size s) -> sizeMap.get(s.name()).memoryBytes())
                    .thenComparingLong(s -> sizeMap.get(s.name()).cpuMillis()))
            .toList();
    if (fits.isEmpty()) {
      // nothing in the group allows that many replicas, or autoscaling: drop that wish first
      return replicas > 1
          ? pick(catalog, sizeMap, has, others, 1, autoscaled)
          : autoscaled ? pick(catalog, sizeMap, has, others, 1, false) : catalog.all().get(0);
    }
    Optional<Size> enough =
        fits.stream()
            .filter(s -> sizeMap.get(s.name()).memoryBytes() >= has.memoryBytes())
            .filter(s -> sizeMap.get(s.name()).cpuMillis() >= has.cpuMillis())
            .findFirst();
    if (enough.isPresent()) {
      return enough.get();
    }
    return fits.stream()
        .filter(s -> sizeMap.get(s.name()).memoryBytes() >= has.memoryBytes())
        .findFirst()
        .orElse(fits.get(fits.size() - 1));
  }
}
