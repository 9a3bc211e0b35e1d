package dev.formation.autoscale;

/** A queue rule in the words every plan, report and status line uses. */
public final class QueueWords {
  private QueueWords() {}

  /**
   * {@code queue redis queue:default+1 (50/dyno)}: the source, its first list and how many more add
   * to it (or the PostgreSQL URL's variable), and the backlog one dyno carries.
   */
  public static String describe(QueueRule rule) {
    return "queue " + source(rule.source()) + " (" + rule.perDyno() + "/dyno)";
  }

  /** {@code redis queue:default+1}, {@code postgres DATABASE_URL}. */
  public static String source(QueueSource source) {
    if (source instanceof QueueSource.Redis r) {
      int more = r.lists().size() - 1;
      return "redis " + r.lists().get(0) + (more > 0 ? "+" + more : "");
    }
    return "postgres " + source.urlEnv();
  }

  /**
   * The whole rule, every list and the query included: {@code queue redis
   * queue:default+queue:mailers (50/dyno), down after 5m, every 30s}, so that two rules that differ
   * never read the same.
   */
  public static String full(QueueRule rule) {
    String source;
    if (rule.source() instanceof QueueSource.Redis r) {
      source = "redis " + String.join("+", r.lists());
    } else {
      source = "postgres \"" + ((QueueSource.Postgres) rule.source()).query() + "\"";
    }
    return "queue "
        + source
        + " ("
        + rule.perDyno()
        + "/dyno), down after "
        + Durations.format(rule.scaleDownAfter())
        + ", every "
        + Durations.format(rule.interval());
  }
}
