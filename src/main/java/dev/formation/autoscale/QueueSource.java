package dev.formation.autoscale;

import java.util.List;
import java.util.Objects;

/**
 * Where a queue-autoscaled process type's backlog is read from. The connection URL (which holds a
 * password) is never part of the rule: only the name of the environment variable that holds it, and
 * for a Kubernetes app the Secret key that holds it in the cluster.
 */
public sealed interface QueueSource {

  /** The environment variable holding the connection URL, for example {@code REDIS_URL}. */
  String urlEnv();

  /**
   * The Secret key holding the URL in a Kubernetes cluster, {@code NAME/KEY}, or {@code null} when
   * the file names none (apps on other platforms).
   */
  String secret();

  /**
   * A backlog that is the sum of the lengths of Redis lists.
   *
   * @param lists the list keys, at least one, added up
   */
  record Redis(String urlEnv, String secret, List<String> lists) implements QueueSource {
    public Redis {
      checkEnv(urlEnv);
      checkSecret(secret);
      lists = List.copyOf(Objects.requireNonNull(lists, "lists"));
      if (lists.isEmpty() || lists.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("a redis queue needs at least one non-blank list");
      }
    }
  }

  /**
   * A backlog that is the one number a PostgreSQL query returns.
   *
   * @param query a query returning one row with one numeric column
   */
  record Postgres(String urlEnv, String secret, String query) implements QueueSource {
    public Postgres {
      checkEnv(urlEnv);
      checkSecret(secret);
      if (query == null || query.isBlank()) {
        throw new IllegalArgumentException("a postgres queue needs a query");
      }
    }
  }

  private static void checkEnv(String urlEnv) {
    if (urlEnv == null || !urlEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not an environment variable name: " + urlEnv);
    }
  }

  private static void checkSecret(String secret) {
    if (secret != null && !secret.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[-._a-zA-Z0-9]+")) {
      throw new IllegalArgumentException("not a Secret key NAME/KEY: " + secret);
    }
  }
}
