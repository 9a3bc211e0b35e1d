package dev.formation.autoscale.read;

import dev.formation.autoscale.QueueSource;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a queue's backlog where its rule says, with the URL from the environment variable the rule
 * names. Each client is loaded on the first read of its kind; an environment without the variable,
 * an unreachable queue or an answer that is no backlog is a {@link ReadFailure}.
 */
public final class BacklogReader {
  /** How long a connection, and each command on it, may take before the read fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Map<String, String> env;
  private final int timeoutMillis;

  /**
   * @param env where the URLs are looked up, by the rule's {@code url_env}
   */
  public BacklogReader(Map<String, String> env) {
    this(env, TIMEOUT);
  }

  public BacklogReader(Map<String, String> env, Duration timeout) {
    this.env = Map.copyOf(env);
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
  }

  /** The backlog now: the sum of the Redis lists' lengths, or the number the query returned. */
  public long read(QueueSource source) throws ReadFailure {
    String url = env.get(source.urlEnv());
    if (url == null || url.isBlank()) {
      throw new ReadFailure("the environment variable " + source.urlEnv() + " is not set");
    }
    if (source instanceof QueueSource.Redis r) {
      return RedisLists.read(url.strip(), r.lists(), timeoutMillis);
    }
    return PostgresQuery.read(url.strip(), ((QueueSource.Postgres) source).query(), timeoutMillis);
  }

  /** Where the source is read, in words without a secret: {@code redis REDIS_URL queue:default}. */
  public static String describe(QueueSource source) {
    if (source instanceof QueueSource.Redis r) {
      return "redis " + r.urlEnv() + " " + String.join(",", r.lists());
    }
    return "postgres " + source.urlEnv();
  }
}
