package dev.formation.plan;

import dev.formation.catalog.Resources;

/**
 * The CPU and memory a Kubernetes app requests, as a range when an autoscaler decides the count:
 * the cost of an app whose cluster has no prices configured.
 */
public record Requests(Resources min, Resources max) {
  public static final Requests ZERO = new Requests(new Resources(0, 0), new Resources(0, 0));

  public static Requests fixed(Resources r) {
    return new Requests(r, r);
  }

  /** {@code count} replicas of {@code each}. */
  public static Requests of(Resources each, int count) {
    return fixed(each.times(count));
  }

  /** An autoscaler's band of replicas of {@code each}. */
  public static Requests band(Resources each, int min, int max) {
    return new Requests(each.times(min), each.times(max));
  }

  public Requests plus(Requests other) {
    return new Requests(min.plus(other.min), max.plus(other.max));
  }

  public boolean isFixed() {
    return min.equals(max);
  }

  /** {@code 3 GiB, 1.5 CPU}, or {@code 2 GiB–8 GiB, 1 CPU–4 CPU} for a band. */
  public String describe() {
    if (isFixed()) {
      return min.describe();
    }
    return Resources.memoryText(min.memoryBytes())
        + "–"
        + Resources.memoryText(max.memoryBytes())
        + ", "
        + Resources.cpuText(min.cpuMillis())
        + "–"
        + Resources.cpuText(max.cpuMillis());
  }

  /** The change from {@code before} at the low end (and the high end, when they differ). */
  public String deltaFrom(Requests before) {
    String low =
        Resources.delta(
            min.cpuMillis() - before.min.cpuMillis(), min.memoryBytes() - before.min.memoryBytes());
    String high =
        Resources.delta(
            max.cpuMillis() - before.max.cpuMillis(), max.memoryBytes() - before.max.memoryBytes());
    return low.equals(high) ? low : low + " … " + high;
  }
}
