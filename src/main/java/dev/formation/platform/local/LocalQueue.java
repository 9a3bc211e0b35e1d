package dev.formation.platform.local;

import dev.formation.autoscale.QueueDecision;
import dev.formation.autoscale.QueueRule;
import dev.formation.autoscale.QueueSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A queue rule a local app's registration carries to the daemon, which runs it: the process type,
 * its band and the rule. The same map shape goes over the wire to the daemon ({@code PUT
 * /apps/{name}}, {@code GET /apps/{name}}) and into saved plans: {@code type}, {@code min}, {@code
 * max}, {@code per_dyno}, {@code scale_down_after_s}, {@code interval_s}, {@code url_env} and
 * {@code redis_lists} or {@code postgres_query}. The URL itself is never part of it.
 */
public record LocalQueue(String type, int min, int max, QueueRule rule) {
  public LocalQueue {
    if (type == null || rule == null) {
      throw new IllegalArgumentException("a queue rule names its type and its rule");
    }
    new QueueDecision.Band(min, max);
  }

  /** The rule in one line, for a plan: {@code 1..10, 50 per dyno of redis REDIS_URL queue:a}. */
  public String text() {
    String source =
        rule.source() instanceof QueueSource.Redis r
            ? "redis " + r.urlEnv() + " " + String.join(",", r.lists())
            : "postgres " + rule.source().urlEnv();
    return min
        + ".."
        + max
        + ", "
        + rule.perDyno()
        + " per dyno of "
        + source
        + ", down after "
        + QueueDecision.words(rule.scaleDownAfter())
        + ", every "
        + QueueDecision.words(rule.interval());
  }

  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("min", min);
    json.put("max", max);
    json.put("per_dyno", rule.perDyno());
    json.put("scale_down_after_s", rule.scaleDownAfter().toSeconds());
    json.put("interval_s", rule.interval().toSeconds());
    json.put("url_env", rule.source().urlEnv());
    if (rule.source() instanceof QueueSource.Redis r) {
      json.put("redis_lists", new ArrayList<Object>(r.lists()));
    } else {
      json.put("postgres_query", ((QueueSource.Postgres) rule.source()).query());
    }
    return json;
  }

  /**
   * A rule from its map (a saved plan's, or the daemon's answer read as a map).
   *
   * @throws IllegalArgumentException when it breaks a rule of the records
   */
  public static LocalQueue of(Map<?, ?> json) {
    String urlEnv = (String) json.get("url_env");
    Object lists = json.get("redis_lists");
    QueueSource source;
    if (lists instanceof List<?> l) {
      source = new QueueSource.Redis(urlEnv, null, l.stream().map(String::valueOf).toList());
    } else {
      source = new QueueSource.Postgres(urlEnv, null, (String) json.get("postgres_query"));
    }
    return new LocalQueue(
        (String) json.get("type"),
        number(json, "min"),
        number(json, "max"),
        new QueueRule(
            source,
            number(json, "per_dyno"),
            Duration.ofSeconds(number(json, "scale_down_after_s")),
            Duration.ofSeconds(number(json, "interval_s"))));
  }

  private static int number(Map<?, ?> json, String key) {
    if (!(json.get(key) instanceof Number n)) {
      throw new IllegalArgumentException("a queue rule's " + key + " is a number");
    }
    return n.intValue();
  }
}
