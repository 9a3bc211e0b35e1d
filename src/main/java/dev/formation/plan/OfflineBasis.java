package dev.formation.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an offline plan ({@code plan --offline}) was made against: per app, the last apply recorded
 * in git, or nothing for an app never applied (planned as new). The plan's views print {@link
 * #LABEL} with it, so an offline plan is never taken for a plan of the live platform.
 *
 * @param apps by app name, in the plan's order
 */
public record OfflineBasis(Map<String, AppBasis> apps) {
  /** The words every view of an offline plan carries. */
  public static final String LABEL =
      "offline: against the last apply recorded in git, not the live platform";

  /** What an app never applied is planned as. */
  public static final String NEVER_APPLIED = "never applied: planned as new";

  /**
   * The record one app was planned against.
   *
   * @param commit the commit the recorded apply applied; {@code null} when the record names none,
   *     and for an app never applied
   * @param appliedAt when that apply was made; {@code null} for an app never applied
   */
  public record AppBasis(String commit, Instant appliedAt) {
    public static final AppBasis NEVER = new AppBasis(null, null);

    public AppBasis {
      if (appliedAt == null && commit != null) {
        throw new IllegalArgumentException("a commit without an apply: " + commit);
      }
    }

    public boolean applied() {
      return appliedAt != null;
    }

    /** {@code applied 2026-12-07T10:00:00Z (commit 1a2b3c4)}, or {@link #NEVER_APPLIED}. */
    public String describe() {
      if (!applied()) {
        return NEVER_APPLIED;
      }
      return "last applied "
          + appliedAt
          + (commit == null
              ? ""
              : " (commit " + commit.substring(0, Math.min(7, commit.length())) + ")");
    }
  }

  public OfflineBasis {
    apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
  }

  /** The record {@code app} was planned against; {@link AppBasis#NEVER} when it has none. */
  public AppBasis of(String app) {
    return apps.getOrDefault(app, AppBasis.NEVER);
  }

  /** How many of the apps were never applied. */
  public long neverApplied() {
    return apps.values().stream().filter(a -> !a.applied()).count();
  }
}
