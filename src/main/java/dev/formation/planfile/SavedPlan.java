package dev.formation.planfile;

import dev.formation.plan.Plan;
import java.time.Instant;

/**
 * A plan as written by {@code plan --out}: the plan plus what ties it to its inputs. Holds no
 * secret.
 *
 * @param configDigest SHA-256 hex of the config files the plan was made from
 * @param gitCommit the commit the config came from, or {@code null} outside git
 */
public record SavedPlan(
    Plan plan, String configDigest, String gitCommit, Instant createdAt, String toolVersion) {
  public SavedPlan {
    if (plan == null || configDigest == null || createdAt == null || toolVersion == null) {
      throw new IllegalArgumentException("a saved plan needs a plan, digest, time and version");
    }
  }
}
