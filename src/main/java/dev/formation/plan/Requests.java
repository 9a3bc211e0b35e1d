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

  /** {@code 1.5 CPU, 3 GiB}, or {@code 1–4 CPU, 2–8 GiB} for a band. */
  public String describe() {
    if (isFixed()) {
      return min.describe();
    }
    return range(
            Resources.cpuText(min.cpuMillis()).replace(" CPU", ""),
            Resources.cpuText(max.cpuMillis()))
        + ", "
        + range(Resources.memoryText(min.memoryBytes()), Resources.memoryText(max.memoryBytes()));
  }

  private static String range(String low, String high) {
    return low.equals(high.replaceAll(" .*", "")) ? high : low + "–" + high;
  }
}
