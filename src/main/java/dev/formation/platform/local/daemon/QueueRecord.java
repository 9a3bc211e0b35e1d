package dev.formation.platform.local.daemon;

import dev.formation.autoscale.QueueDecision;
import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import java.time.Duration;
import java.util.List;

/**
 * A queue rule of one process type, as a registration carries it and the daemon stores it: the
 * band, the rule, and where the backlog is read (Redis lists or a PostgreSQL query, through the
 * environment variable {@code urlEnv} of the app's {@code .env} or the daemon's environment).
 *
 * @param lists the Redis lists, or empty for a PostgreSQL query
 * @param query the PostgreSQL query, or {@code null} for Redis lists
 */
public record QueueRecord(
    String type,
    int min,
    int max,
    int perDyno,
    long scaleDownAfterSeconds,
    long intervalSeconds,
    String urlEnv,
    List<String> lists,
    String query) {
  public QueueRecord {
    lists = lists == null ? List.of() : List.copyOf(lists);
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("a queue rule names its process type");
    }
    if (lists.isEmpty() == (query == null)) {
      throw new IllegalArgumentException(
          "a queue rule of " + type + " reads Redis lists or a PostgreSQL query, one of them");
    }
    new QueueDecision.Band(min, max);
    rule(type, perDyno, scaleDownAfterSeconds, intervalSeconds, urlEnv, lists, query);
  }

  /** The rule, for the decision. */
  public QueueRule rule() {
    return rule(type, perDyno, scaleDownAfterSeconds, intervalSeconds, urlEnv, lists, query);
  }

  public QueueDecision.Band band() {
    return new QueueDecision.Band(min, max);
  }

  private static QueueRule rule(
      String type,
      int perDyno,
      long scaleDownAfterSeconds,
      long intervalSeconds,
      String urlEnv,
      List<String> lists,
      String query) {
    QueueSource source =
        query == null
            ? new QueueSource.Redis(urlEnv, null, lists)
            : new QueueSource.Postgres(urlEnv, null, query);
    return new QueueRule(
        source,
        perDyno,
        Duration.ofSeconds(scaleDownAfterSeconds),
        Duration.ofSeconds(intervalSeconds));
  }
}
